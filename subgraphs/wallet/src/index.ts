import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { loadWalletConfig } from './config';
import type { WalletConfig } from './config';
import { createContext } from './context';
import type { Context } from './context';
import { createDb } from './db';
import { createWalletConsumer } from './events/wallet.consumer';
import { createPayoutJobHandlers } from './payout/run-payout-jobs';
import { SandboxPayoutProvider } from './payout/sandbox-payout-provider';
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
    /** Money events (deposit settled, earnings credited, withdrawal paid or failed) through its outbox. */
    producesEvents: true,
    /** KYC decisions (withdrawals need an approval) and released campaign earnings (paid to the streamers). */
    createEventConsumer: (db) => createWalletConsumer(db, config),
    /** Submits approved payouts and settles them with the payout provider (the sandbox). */
    createJobHandlers: (db) => createPayoutJobHandlers(db, config, new SandboxPayoutProvider(db)),
  };
}

/** The wallet subgraph configured from the environment (see config.ts and docs/wallet.md). */
export const walletSubgraph = createWalletSubgraph(loadWalletConfig());
