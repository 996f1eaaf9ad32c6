import {
  BudgetReleaseRequested,
  BudgetReservationRequested,
  EarningsReleased,
  KycReviewDecided,
  createConsumer,
  on,
} from '@gametriggers/events';
import type { ConsumerOptions } from '@gametriggers/events';
import { releaseBudget } from '../budget/release-budget';
import { reserveBudget } from '../budget/reserve-budget';
import type { WalletConfig } from '../config';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { applyKycReviewDecided } from '../kyc/apply-kyc-review-decided';
import { applyEarningsReleased } from './earnings-released.handler';

/**
 * The wallet's event consumer (queue `wallet`): KYC decisions into its own KycDecision table
 * (withdrawals need an approval); campaign budgets reserved on submission and released when the
 * campaign ends; released campaign earnings paid to the streamers out of those budgets. Each event
 * is handled once (the inbox), in one transaction with its effect.
 */
export function createWalletConsumer(db: Db, config: WalletConfig): ConsumerOptions {
  return createConsumer({
    consumer: 'wallet',
    db,
    handlers: [
      on(KycReviewDecided, (tx: Prisma.TransactionClient, data) => applyKycReviewDecided(tx, data)),
      on(BudgetReservationRequested, (tx: Prisma.TransactionClient, data) => reserveBudget(tx, config, data)),
      on(BudgetReleaseRequested, (tx: Prisma.TransactionClient, data) => releaseBudget(tx, data)),
      on(EarningsReleased, (tx: Prisma.TransactionClient, data) => applyEarningsReleased(tx, config, data)),
    ],
  });
}
