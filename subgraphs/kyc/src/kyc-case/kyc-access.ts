import { ForbiddenError, NotFoundError, UnauthenticatedError, isOwner, isSignedIn } from '@gametriggers/federation';
import type { Viewer } from '@gametriggers/auth';

/** Whether the viewer is the case's subject: the streamer or the brand whose identity it checks. */
export function ownsSubject(viewer: Viewer, subject: { subjectType: string; subjectId: string }): boolean {
  return subject.subjectType === 'STREAMER'
    ? isOwner(viewer, { streamerId: subject.subjectId })
    : isOwner(viewer, { brandId: subject.subjectId });
}

/**
 * A case its subject or an admin may see; for anyone else it does not exist (NOT_FOUND: case ids
 * reveal nothing about whose identity is being checked). Anonymous viewers must sign in first.
 */
export function assertCanSeeCase<T extends { subjectType: string; subjectId: string }>(
  viewer: Viewer,
  kycCase: T | null | undefined,
  id: string,
): T {
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
  if (!kycCase || !(viewer.kind === 'ADMIN' || ownsSubject(viewer, kycCase))) throw new NotFoundError('KycCase', id);
  return kycCase;
}

/** The subject itself or an admin may open and submit a case for it. */
export function assertSubjectOrAdmin(viewer: Viewer, subject: { subjectType: string; subjectId: string }): void {
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
  if (viewer.kind !== 'ADMIN' && !ownsSubject(viewer, subject)) throw new ForbiddenError();
}
