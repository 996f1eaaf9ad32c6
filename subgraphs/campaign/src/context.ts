import { createByIdLoader } from '@gametriggers/federation';
import type { SubgraphDependencies } from '@gametriggers/federation';
import type { Db } from './db';
import { isUuid } from './ids';
import { createPageLoader } from './paging/page-loader';

export function createContext(db: Db, deps: SubgraphDependencies) {
  const campaignsById = (ids: string[]) => db.campaign.findMany({ where: { id: { in: ids.filter(isUuid) } } });
  const participationsById = (ids: string[]) => db.participation.findMany({ where: { id: { in: ids.filter(isUuid) } } });
  return {
    db,
    logger: deps.logger,
    loaders: {
      campaign: createByIdLoader(campaignsById),
      participation: createByIdLoader(participationsById),
      /** Pages of many brands' campaigns, of many campaigns' or streamers' participations: a bounded number of queries each. */
      campaignsOfBrand: createPageLoader(db, { table: 'Campaign', parentColumn: 'brandId' }, campaignsById),
      participationsOfCampaign: createPageLoader(db, { table: 'Participation', parentColumn: 'campaignId' }, participationsById),
      participationsOfStreamer: createPageLoader(db, { table: 'Participation', parentColumn: 'streamerId' }, participationsById),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
