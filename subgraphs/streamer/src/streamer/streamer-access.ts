import { assertOwner } from '@gametriggers/federation';
import type { ViewerContext } from '@gametriggers/federation';
import type { MiddlewareFn } from 'type-graphql';

/**
 * For a Streamer's private fields (contactEmail): the streamer themself or an admin. Anonymous
 * viewers get UNAUTHENTICATED, everyone else FORBIDDEN, the field null; on every path to the field
 * (`streamer`, `streamers`, entity references from other subgraphs).
 */
export const OwningStreamerOrAdmin: MiddlewareFn<Partial<ViewerContext>> = ({ root, context }, next) => {
  assertOwner(context.viewer, { streamerId: (root as { id: string }).id });
  return next();
};
