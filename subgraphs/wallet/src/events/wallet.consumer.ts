import { EarningsReleased, KycReviewDecided, createConsumer, on } from '@gametriggers/events';
import type { ConsumerOptions } from '@gametriggers/events';
import type { WalletConfig } from '../config';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { applyKycReviewDecided } from '../kyc/apply-kyc-review-decided';
import { applyEarningsReleased } from './earnings-released.handler';

/**
 * The wallet's event consumer (queue `wallet`): KYC decisions into its own KycDecision table
 * (withdrawals need an approval), and released campaign earnings paid to the streamers. Each event
 * is handled once (the inbox), in one transaction with its effect.
 */
export function createWalletConsumer(db: Db, config: WalletConfig): ConsumerOptions {
  return createConsumer({
    consumer: 'wallet',
    db,
    handlers: [
      on(KycReviewDecided, (tx: Prisma.TransactionClient, data) => applyKycReviewDecided(tx, data)),
      on(EarningsReleased, (tx: Prisma.TransactionClient, data) => applyEarningsReleased(tx, config, data)),
    ],
  });
}
