import { createByIdLoader } from '@gametriggers/federation';
import type { SubgraphDependencies, ViewerContext } from '@gametriggers/federation';
import DataLoader from 'dataloader';
import type { Db } from './db';
import { evaluateCampaigns } from './engine/evaluate-campaigns';

export function createContext(db: Db, deps: SubgraphDependencies) {
  return {
    db,
    logger: deps.logger,
    /** Who asks: the server puts the viewer of the request's internal token here. */
    viewer: undefined as ViewerContext['viewer'] | undefined,
    loaders: {
      conflictRule: createByIdLoader((ids) => db.conflictRule.findMany({ where: { id: { in: ids } } })),
      /** Evaluations of many campaigns at once (Campaign.conflicts): facts and rules loaded once per batch. */
      evaluations: new DataLoader((campaignIds: readonly string[]) =>
        evaluateCampaigns(
          db,
          campaignIds.map((campaignId) => ({ campaignId })),
        ),
      ),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
