import { ForbiddenError, NotFoundError, UnauthenticatedError, isOwner, isSignedIn } from '@gametriggers/federation';
import type { ViewerContext } from '@gametriggers/federation';

type Viewer = ViewerContext['viewer'];

/** Whether the viewer may read the invoices of `brandId`: the brand itself or an admin. */
export const canReadInvoicesOf = (viewer: Viewer, brandId: string): boolean => viewer.kind === 'ADMIN' || isOwner(viewer, { brandId });

/**
 * One invoice, by id or by entity reference: the billed brand or an admin. Anyone else signed in is
 * told NOT_FOUND, as for an id that names nothing, so invoice ids reveal nothing about other brands.
 */
export function assertCanReadInvoice(viewer: Viewer, invoice: { id: string; brandId: string }): void {
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
  if (!canReadInvoicesOf(viewer, invoice.brandId)) throw new NotFoundError('Invoice', invoice.id);
}

/**
 * The brand whose invoices a list shows: a brand sees its own (asking for another's is FORBIDDEN),
 * an admin anyone's (all brands when none is given). Anonymous viewers get UNAUTHENTICATED.
 */
export function listedBrandId(viewer: Viewer, brandId: string | null | undefined): string | null {
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
  if (viewer.kind === 'ADMIN') return brandId?.toLowerCase() ?? null;
  if (viewer.kind === 'BRAND' && viewer.entityId && (!brandId || isOwner(viewer, { brandId }))) return viewer.entityId.toLowerCase();
  throw new ForbiddenError();
}

/** A brand's invoices (Brand.invoices): the brand itself or an admin. */
export function assertCanListInvoicesOf(viewer: Viewer, brandId: string): void {
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
  if (!canReadInvoicesOf(viewer, brandId)) throw new ForbiddenError();
}
