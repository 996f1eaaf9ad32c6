import { createByIdLoader, viewerOf } from '@gametriggers/federation';
import type { SubgraphDependencies } from '@gametriggers/federation';
import type { Db } from './db';
import { streamerInclude } from './streamer/streamer-row';

export function createContext(db: Db, deps: SubgraphDependencies) {
  return {
    db,
    logger: deps.logger,
    /** Who is asking: the server puts the router's viewer here for every request (anonymous until then). */
    viewer: viewerOf(undefined),
    loaders: {
      /** Streamers with their platform profiles: one findMany for every streamer asked for in a request. */
      streamer: createByIdLoader((ids) => db.streamer.findMany({ where: { id: { in: ids } }, include: streamerInclude })),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
