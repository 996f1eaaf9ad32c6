import { createByIdLoader, createGroupLoader, viewerOf } from '@gametriggers/federation';
import type { SubgraphDependencies } from '@gametriggers/federation';
import type { Db } from './db';
import { loadCampaignTotals, loadStreamerTotals, loadTotalsOfStreamers } from './metrics/load-campaign-totals';

export function createContext(db: Db, deps: SubgraphDependencies) {
  return {
    db,
    logger: deps.logger,
    /** Who is asking: the server puts the router's viewer here for every request (anonymous until then). */
    viewer: viewerOf(undefined),
    /** Live events for the router's subscriptions; absent when nothing listens (e.g. some tests). */
    publish: deps.publish,
    loaders: {
      campaignTotals: createByIdLoader((campaignIds) => loadCampaignTotals(db, campaignIds)),
      /** The brand owning each campaign (metrics access): one query for a request's campaigns. */
      campaignOwner: createByIdLoader(async (campaignIds) =>
        (await db.campaignOwner.findMany({ where: { campaignId: { in: campaignIds } } })).map((row) => ({
          id: row.campaignId,
          brandId: row.brandId,
        })),
      ),
      streamerTotals: createGroupLoader(
        (campaignIds: string[]) => loadStreamerTotals(db, campaignIds),
        (row) => row.campaignId,
      ),
      /** Each streamer's totals per campaign (Streamer.campaignMetrics), keyed by lowercase streamer id. */
      totalsOfStreamer: createGroupLoader(
        (streamerIds: string[]) => loadTotalsOfStreamers(db, streamerIds),
        (row) => row.streamerId,
      ),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
