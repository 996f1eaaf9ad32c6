import type { Context } from '../context';
import { canSeeCampaign } from './campaign-access';
import { toCampaign } from './to-campaign';

/**
 * Resolves `Campaign` entities for the router: one query for every campaign in a request. A campaign
 * the viewer may not know of resolves to null, as if it did not exist.
 */
export async function resolveCampaignReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.campaign.load(reference.id);
  return row && canSeeCampaign(ctx.viewer, row) ? toCampaign(row) : null;
}
