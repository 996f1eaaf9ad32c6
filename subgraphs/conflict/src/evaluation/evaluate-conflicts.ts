import { BadUserInputError, NotFoundError, UnauthenticatedError, assertOwner, isSignedIn, isUuid } from '@gametriggers/federation';
import type { ViewerContext } from '@gametriggers/federation';
import type { Db } from '../db';
import { evaluateCampaigns } from '../engine/evaluate-campaigns';
import type { CampaignEvaluation } from '../engine/evaluate-campaigns';

/**
 * Evaluates a campaign (or, with `streamerId`, that streamer's participation in it) for a viewer:
 * admins and services may evaluate any campaign, a brand only its own (FORBIDDEN otherwise).
 * NOT_FOUND when the conflict subgraph holds no facts of the campaign (FORBIDDEN for a brand: it
 * learns nothing of campaigns that are not its own).
 */
export async function evaluateConflicts(
  db: Db,
  viewer: ViewerContext['viewer'] | undefined,
  campaignId: string,
  streamerId?: string | null,
): Promise<CampaignEvaluation> {
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
  if (streamerId != null && !isUuid(streamerId)) throw new BadUserInputError('streamerId', 'streamerId must be a streamer id');
  const [evaluation] = await evaluateCampaigns(db, [{ campaignId, streamerId: streamerId ?? undefined }]);
  if (viewer.kind !== 'SERVICE') assertOwner(viewer, { brandId: evaluation?.subject.brandId ?? '' });
  if (!evaluation) throw new NotFoundError('Campaign', campaignId);
  return evaluation;
}
