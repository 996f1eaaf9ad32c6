import type { Context } from '../context';
import { canSeeParticipation } from './participation-access';
import { toParticipation } from './to-participation';

/**
 * Resolves `Participation` entities for the router: one query for every participation in a request.
 * One the viewer may not see (not their own, nor their campaign's) resolves to null.
 */
export async function resolveParticipationReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.participation.load(reference.id);
  if (!row) return null;
  return canSeeParticipation(ctx.viewer, row, await ctx.loaders.campaign.load(row.campaignId)) ? toParticipation(row) : null;
}
