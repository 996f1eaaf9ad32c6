import type { WalletConfig } from '../config';
import type { Db } from '../db';

/** What the wallet's use-cases need: its database and its settings. */
export interface WalletDeps {
  db: Db;
  config: WalletConfig;
}
