import type { Context } from '../context';
import { toAccountSession } from './to-account-session';

/** Resolves `AccountSession` entities for the router: one query for every session in a request. */
export async function resolveAccountSessionReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.session.load(reference.id);
  return row ? toAccountSession(row) : null;
}
