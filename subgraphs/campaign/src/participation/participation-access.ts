import { ForbiddenError, UnauthenticatedError, isOwner, isSignedIn } from '@gametriggers/federation';
import type { Viewer } from '@gametriggers/auth';

/** Whether the viewer may see a participation: the streamer taking part, the campaign's brand, or an admin. */
export function canSeeParticipation(
  viewer: Viewer,
  participation: { streamerId: string },
  campaign: { brandId: string } | null | undefined,
): boolean {
  return (
    viewer.kind === 'ADMIN' ||
    isOwner(viewer, { streamerId: participation.streamerId }) ||
    (!!campaign && isOwner(viewer, { brandId: campaign.brandId }))
  );
}

export function assertCanSeeParticipation(
  viewer: Viewer,
  participation: { streamerId: string },
  campaign: { brandId: string } | null | undefined,
): void {
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
  if (!canSeeParticipation(viewer, participation, campaign)) throw new ForbiddenError();
}
