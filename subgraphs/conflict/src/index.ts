import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { createCampaignFactsConsumer } from './campaign-facts/campaign-facts.consumer';
import { createContext } from './context';
import type { Context } from './context';
import { createDb } from './db';
import type { Db } from './db';
import { buildConflictSchema } from './schema';
import { seedDemo } from './seed';

export const conflictSubgraph: SubgraphDefinition<Db, Context> = {
  name: 'conflict',
  defaultPort: 4007,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'migrations'),
  createDatabaseClient: createDb,
  buildSchema: buildConflictSchema,
  createContext,
  seedDemo,
  /** Follows CampaignChanged from the campaign subgraph into CampaignFacts. */
  createEventConsumer: createCampaignFactsConsumer,
  /** Writes its verdicts on submitted campaigns (conflict.campaign.reviewed) to its outbox. */
  producesEvents: true,
};

/** The engine, for the benchmark (`packages/launcher/src/bench-conflicts.ts`) and tools. */
export { createDb } from './db';
export type { Db } from './db';
export { evaluateCampaigns } from './engine/evaluate-campaigns';
export { evaluateRules } from './engine/evaluate-rules';
export { FACTS_COLUMNS, candidatesQuery, loadCandidates } from './engine/load-candidates';
export type { Evaluation, Facts, Rule, Streamer } from './engine/engine-types';
