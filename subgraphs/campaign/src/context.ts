import { createByIdLoader, createPageLoader } from '@gametriggers/federation';
import type { SubgraphDependencies } from '@gametriggers/federation';
import { ANONYMOUS } from '@gametriggers/auth';
import type { Viewer } from '@gametriggers/auth';
import type express from 'express';
import type { Db } from './db';
import { deliveryOrigin } from './delivery/delivery-routes';
import { fetchChildPages } from './paging/fetch-child-pages';

export function createContext(db: Db, deps: SubgraphDependencies, request?: express.Request) {
  const campaignsById = (ids: string[]) => db.campaign.findMany({ where: { id: { in: ids } } });
  const participationsById = (ids: string[]) => db.participation.findMany({ where: { id: { in: ids } } });
  return {
    db,
    logger: deps.logger,
    /** Where the public delivery links (overlay, clicks, postbacks) point. */
    deliveryOrigin: deliveryOrigin(request),
    /** Who is asking (the router's internal token); anonymous when the request carried none. */
    viewer: ANONYMOUS as Viewer,
    loaders: {
      campaign: createByIdLoader(campaignsById),
      participation: createByIdLoader(participationsById),
      /** Pages of many brands' campaigns, of many campaigns' or streamers' participations: a bounded number of queries each. */
      campaignsOfBrand: createPageLoader({
        fetchPages: fetchChildPages(db, { table: 'Campaign', parentColumn: 'brandId' }),
        fetchByIds: campaignsById,
      }),
      participationsOfCampaign: createPageLoader({
        fetchPages: fetchChildPages(db, { table: 'Participation', parentColumn: 'campaignId' }),
        fetchByIds: participationsById,
      }),
      participationsOfStreamer: createPageLoader({
        fetchPages: fetchChildPages(db, { table: 'Participation', parentColumn: 'streamerId' }),
        fetchByIds: participationsById,
      }),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
