import { ForbiddenError, UnauthenticatedError, viewerOf } from '@gametriggers/federation';
import type { ViewerContext } from '@gametriggers/federation';
import { LedgerOwnerType } from '../generated/prisma/enums';
import type { LedgerOwner } from '../ledger/ledger-owner';

type Viewer = ViewerContext['viewer'];
type WithViewer = Partial<ViewerContext>;

/**
 * The wallet's access rules, explicit in each resolver until the graph-wide @Authorized rules land:
 * a brand or streamer sees and moves only its own wallet; admins see everything and do the admin
 * operations; money the platform itself moves (deposits it received, earnings, fees, captures) is
 * moved by ADMIN or SERVICE viewers only. Anonymous viewers get UNAUTHENTICATED, others FORBIDDEN.
 */
export function requireSignedIn(ctx: WithViewer): Viewer {
  const viewer = viewerOf(ctx);
  if (viewer.kind === 'ANONYMOUS') throw new UnauthenticatedError();
  return viewer;
}

/** Whether the viewer is the brand or streamer that owns `owner` (the platform has no owner viewer). */
export function isWalletOwner(viewer: Viewer, owner: LedgerOwner): boolean {
  if (!viewer.entityId || !owner.ownerId) return false;
  if (owner.ownerType === LedgerOwnerType.BRAND) return viewer.kind === 'BRAND' && viewer.entityId.toLowerCase() === owner.ownerId;
  if (owner.ownerType === LedgerOwnerType.STREAMER) return viewer.kind === 'STREAMER' && viewer.entityId.toLowerCase() === owner.ownerId;
  return false;
}

/** The owner of the wallet, or an admin. */
export function requireOwnerOrAdmin(ctx: WithViewer, owner: LedgerOwner): Viewer {
  const viewer = requireSignedIn(ctx);
  if (viewer.kind === 'ADMIN' || isWalletOwner(viewer, owner)) return viewer;
  throw new ForbiddenError();
}

/** For reads other subgraphs make on a viewer's behalf as well: the owner, an admin or a service. */
export function requireOwnerAdminOrService(ctx: WithViewer, owner: LedgerOwner): Viewer {
  const viewer = requireSignedIn(ctx);
  if (viewer.kind === 'SERVICE') return viewer;
  return requireOwnerOrAdmin(ctx, owner);
}

export function requireAdmin(ctx: WithViewer): Viewer {
  const viewer = requireSignedIn(ctx);
  if (viewer.kind !== 'ADMIN') throw new ForbiddenError('Only an admin may do this');
  return viewer;
}

/** Money movements the platform performs itself: an admin, or another subgraph (SERVICE). */
export function requirePlatform(ctx: WithViewer): Viewer {
  const viewer = requireSignedIn(ctx);
  if (viewer.kind !== 'ADMIN' && viewer.kind !== 'SERVICE')
    throw new ForbiddenError('Only the platform (an admin or a service) may do this');
  return viewer;
}

/** Who a ledger transaction records as its author: `ADMIN:<accountId>`, `SERVICE:<service>`, `STREAMER:<accountId>`. */
export function actorOf(viewer: Viewer): string {
  return `${viewer.kind}:${viewer.accountId ?? viewer.service ?? viewer.entityId ?? 'unknown'}`;
}
