import { createByIdLoader, createGroupLoader } from '@gametriggers/federation';
import type { SubgraphDependencies } from '@gametriggers/federation';
import type { Db } from './db';
import { loadCampaignTotals, loadStreamerTotals } from './metrics/load-campaign-totals';

export function createContext(db: Db, deps: SubgraphDependencies) {
  return {
    db,
    logger: deps.logger,
    /** Live events for the router's subscriptions; absent when nothing listens (e.g. some tests). */
    publish: deps.publish,
    loaders: {
      campaignTotals: createByIdLoader((campaignIds) => loadCampaignTotals(db, campaignIds)),
      streamerTotals: createGroupLoader(
        (campaignIds: string[]) => loadStreamerTotals(db, campaignIds),
        (row) => row.campaignId,
      ),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
