import { assertOwner } from '@gametriggers/federation';
import type { ViewerContext } from '@gametriggers/federation';
import type { MiddlewareFn } from 'type-graphql';

/**
 * For a Brand's private fields (contact, billing, marketing preferences): the brand itself or an
 * admin. Anonymous viewers get UNAUTHENTICATED, everyone else FORBIDDEN, the field null. It runs on
 * every path to the field (`brand`, `brands`, and entity references from other subgraphs).
 */
export const OwningBrandOrAdmin: MiddlewareFn<Partial<ViewerContext>> = ({ root, context }, next) => {
  assertOwner(context.viewer, { brandId: (root as { id: string }).id });
  return next();
};
