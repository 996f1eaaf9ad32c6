import { ForbiddenError, UnauthenticatedError, isOwner, isSignedIn } from '@gametriggers/federation';
import type { Context } from '../context';

/**
 * A campaign's metrics (campaignMetrics, Campaign.metrics, CampaignMetrics references, and so
 * campaignMetricsUpdated, which the router answers with campaignMetrics): the brand that owns the
 * campaign, or an admin. Anonymous viewers get UNAUTHENTICATED, everyone else FORBIDDEN, including
 * a brand asking about a campaign whose owner analytics has not heard of yet (CampaignChanged is
 * consumed asynchronously; a campaign is only known here once created). Batched: one query for the
 * owners of every campaign in a request.
 */
export async function assertCanReadCampaignMetrics(ctx: Pick<Context, 'viewer' | 'loaders'>, campaignId: string): Promise<void> {
  const { viewer } = ctx;
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
  if (viewer.kind === 'ADMIN') return;
  if (viewer.kind !== 'BRAND') throw new ForbiddenError();
  const owner = await ctx.loaders.campaignOwner.load(campaignId.toLowerCase());
  if (!owner || !isOwner(viewer, { brandId: owner.brandId })) throw new ForbiddenError();
}
