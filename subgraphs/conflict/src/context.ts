import { createByIdLoader } from '@gametriggers/federation';
import type { SubgraphDependencies } from '@gametriggers/federation';
import DataLoader from 'dataloader';
import { loadConflicts } from './campaign/load-conflicts';
import type { Db } from './db';

export function createContext(db: Db, deps: SubgraphDependencies) {
  return {
    db,
    logger: deps.logger,
    loaders: {
      conflictRule: createByIdLoader((ids) => db.conflictRule.findMany({ where: { id: { in: ids } } })),
      /** Conflicts of many campaigns at once: three queries per batch, however many campaigns. */
      conflicts: new DataLoader((campaignIds: readonly string[]) => loadConflicts(db, campaignIds)),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
