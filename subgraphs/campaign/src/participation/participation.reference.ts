import type { Context } from '../context';
import { toParticipation } from './to-participation';

/** Resolves `Participation` entities for the router: one query for every participation in a request. */
export async function resolveParticipationReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.participation.load(reference.id);
  return row ? toParticipation(row) : null;
}
