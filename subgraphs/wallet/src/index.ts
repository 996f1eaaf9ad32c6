import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { loadWalletConfig } from './config';
import type { WalletConfig } from './config';
import { createContext } from './context';
import type { Context } from './context';
import { createDb } from './db';
import type { Db } from './db';
import { buildWalletSchema } from './schema';
import { seedDemo } from './seed';

/** The wallet subgraph with its settings (tests pass their own limits, rates and delays). */
export function createWalletSubgraph(config: WalletConfig): SubgraphDefinition<Db, Context> {
  return {
    name: 'wallet',
    defaultPort: 4005,
    migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'prisma', 'migrations'),
    createDatabaseClient: createDb,
    buildSchema: buildWalletSchema,
    createContext: (db, deps) => createContext(db, deps, config),
    seedDemo: (db) => seedDemo(db, config),
  };
}

/** The wallet subgraph configured from the environment (see config.ts and docs/wallet.md). */
export const walletSubgraph = createWalletSubgraph(loadWalletConfig());
