import { AppError } from '@gametriggers/federation';
import type { Viewer } from '@gametriggers/auth';

// Explicit checks until the shared authChecker (`@Authorized`) is in every subgraph: each resolver
// that needs a viewer calls one of these first, so swapping them for decorators is mechanical.

/** A viewer signed in with an identity account (and a session): BRAND, STREAMER or ADMIN. */
export type AccountViewer = Viewer & { kind: 'BRAND' | 'STREAMER' | 'ADMIN'; accountId: string; sessionId: string };

const ACCOUNT_KINDS: readonly string[] = ['BRAND', 'STREAMER', 'ADMIN'];

/** The signed-in account viewer, or UNAUTHENTICATED. */
export function requireAccount(ctx: { viewer: Viewer }): AccountViewer {
  const { viewer } = ctx;
  if (!ACCOUNT_KINDS.includes(viewer.kind) || !viewer.accountId || !viewer.sessionId) {
    throw new AppError('UNAUTHENTICATED', 'You must be signed in to do this');
  }
  return viewer as AccountViewer;
}

/** A signed-in admin, or UNAUTHENTICATED / FORBIDDEN. */
export function requireAdmin(ctx: { viewer: Viewer }): AccountViewer {
  const viewer = requireAccount(ctx);
  if (viewer.kind !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only admins may do this');
  return viewer;
}

/** The account itself or an admin, or UNAUTHENTICATED / FORBIDDEN. */
export function requireSelfOrAdmin(ctx: { viewer: Viewer }, accountId: string): AccountViewer {
  const viewer = requireAccount(ctx);
  if (viewer.kind !== 'ADMIN' && viewer.accountId !== accountId) throw new AppError('FORBIDDEN', 'You are not allowed to do this');
  return viewer;
}
