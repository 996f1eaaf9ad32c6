import { createByIdLoader } from '@gametriggers/federation';
import type { SubgraphDependencies } from '@gametriggers/federation';
import type { Db } from './db';
import { streamerInclude } from './streamer/streamer-row';

export function createContext(db: Db, deps: SubgraphDependencies) {
  return {
    db,
    logger: deps.logger,
    loaders: {
      /** Streamers with their platform profiles: one findMany for every streamer asked for in a request. */
      streamer: createByIdLoader((ids) => db.streamer.findMany({ where: { id: { in: ids } }, include: streamerInclude })),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
