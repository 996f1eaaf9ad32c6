import { createByIdLoader, viewerOf } from '@gametriggers/federation';
import type { SubgraphDependencies } from '@gametriggers/federation';
import type { Db } from './db';

export function createContext(db: Db, deps: SubgraphDependencies) {
  return {
    db,
    logger: deps.logger,
    /** Who is asking: the server puts the router's viewer here for every request (anonymous until then). */
    viewer: viewerOf(undefined),
    loaders: {
      brand: createByIdLoader((ids) => db.brand.findMany({ where: { id: { in: ids } } })),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
