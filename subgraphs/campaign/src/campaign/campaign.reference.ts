import type { Context } from '../context';
import { toCampaign } from './to-campaign';

/** Resolves `Campaign` entities for the router: one query for every campaign in a request. */
export async function resolveCampaignReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.campaign.load(reference.id);
  return row ? toCampaign(row) : null;
}
