import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { createCampaignJobHandlers } from './campaign/run-campaign-jobs';
import { createContext } from './context';
import type { Context } from './context';
import { assetRoutes } from './asset/asset-routes';
import { assetStorageFromEnv } from './asset/asset-storage';
import { createDb } from './db';
import { createReviewConsumer } from './review/review.consumer';
import { deliveryRoutes } from './delivery/delivery-routes';
import type { Db } from './db';
import { buildCampaignSchema } from './schema';
import { seedDemo } from './seed';

export const campaignSubgraph: SubgraphDefinition<Db, Context> = {
  name: 'campaign',
  defaultPort: 4004,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'migrations'),
  createDatabaseClient: createDb,
  buildSchema: buildCampaignSchema,
  createContext,
  seedDemo,
  /** Writes CampaignChanged with every change of a campaign's facts, DeliveryRecorded and EarningsReleased. */
  producesEvents: true,
  /**
   * Starts SCHEDULED campaigns at startsAt and completes them at endsAt (campaign-jobs.ts);
   * releases held earnings after their review period (delivery/release-earnings.ts).
   */
  createJobHandlers: createCampaignJobHandlers,
  /** The conflict engine's verdicts on submitted campaigns (conflict.campaign.reviewed). */
  createEventConsumer: createReviewConsumer,
  /**
   * The overlay page, viewer samples, tracked clicks and conversion postbacks (delivery/delivery-routes.ts);
   * asset uploads and downloads (asset/asset-routes.ts).
   */
  routes: (app, db, deps) => {
    deliveryRoutes(app, db, deps);
    assetRoutes(app, db, deps, assetStorageFromEnv());
  },
};
