import { ForbiddenError, NotFoundError, UnauthenticatedError, isOwner, isSignedIn } from '@gametriggers/federation';
import type { Viewer } from '@gametriggers/auth';
import type { Campaign, Prisma } from '../generated/prisma/client';
import type { CampaignStatus } from '../generated/prisma/enums';

/**
 * Statuses in which a campaign is public (streamers browse and apply, audiences see it). Before
 * approval, a rejection, or a cancellation, only its brand and admins know it exists.
 */
export const PUBLIC_STATUSES: readonly CampaignStatus[] = ['APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED', 'COMPLETED'];

const isAdmin = (viewer: Viewer) => viewer.kind === 'ADMIN';

/** Whether the viewer may know this campaign exists. */
export function canSeeCampaign(viewer: Viewer, campaign: Pick<Campaign, 'brandId' | 'status'>): boolean {
  return isAdmin(viewer) || PUBLIC_STATUSES.includes(campaign.status) || isOwner(viewer, { brandId: campaign.brandId });
}

/** The campaigns the viewer may know of, as a Prisma filter. */
export function visibleCampaigns(viewer: Viewer): Prisma.CampaignWhereInput {
  if (isAdmin(viewer)) return {};
  const visible: Prisma.CampaignWhereInput = { status: { in: [...PUBLIC_STATUSES] } };
  return viewer.kind === 'BRAND' && viewer.entityId ? { OR: [visible, { brandId: viewer.entityId }] } : visible;
}

/** A campaign the viewer may see, or NOT_FOUND exactly as if it did not exist (no leak of its existence). */
export function assertCanSeeCampaign<T extends Pick<Campaign, 'id' | 'brandId' | 'status'>>(
  viewer: Viewer,
  campaign: T | null | undefined,
  id: string,
): T {
  if (!campaign || !canSeeCampaign(viewer, campaign)) throw new NotFoundError('Campaign', id);
  return campaign;
}

/** The owning brand or an admin: everything else about the campaign's money and management. */
export function assertCampaignManager(viewer: Viewer, campaign: Pick<Campaign, 'brandId'>): void {
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
  if (!isAdmin(viewer) && !isOwner(viewer, { brandId: campaign.brandId })) throw new ForbiddenError();
}

/**
 * Transitions a brand may make on its own campaign: submit, withdraw to draft, schedule once
 * approved, pause and resume, cancel. Review (IN_REVIEW, APPROVED, REJECTED), starting and completing
 * are for admins (and the system's jobs).
 */
const BRAND_TRANSITIONS: Readonly<Partial<Record<CampaignStatus, readonly CampaignStatus[]>>> = {
  DRAFT: ['SUBMITTED', 'CANCELLED'],
  SUBMITTED: ['DRAFT', 'CANCELLED'],
  REJECTED: ['DRAFT'],
  APPROVED: ['SCHEDULED', 'CANCELLED'],
  SCHEDULED: ['CANCELLED'],
  ACTIVE: ['PAUSED', 'CANCELLED'],
  PAUSED: ['ACTIVE', 'CANCELLED'],
};

/** Throws FORBIDDEN when a brand attempts a transition reserved for admins. */
export function assertMayTransition(viewer: Viewer, campaign: Pick<Campaign, 'brandId' | 'status'>, to: CampaignStatus): void {
  assertCampaignManager(viewer, campaign);
  if (isAdmin(viewer)) return;
  if (!(BRAND_TRANSITIONS[campaign.status] ?? []).includes(to)) {
    throw new ForbiddenError(`Only an admin can move a ${campaign.status} campaign to ${to}`);
  }
}
