import { defineJob } from '@gametriggers/events';
import { z } from 'zod';

const WithdrawalJobPayload = z.object({ withdrawalId: z.uuid() });

/** APPROVED -> PROCESSING (money to payouts in transit), then submits the payout to the provider. */
export const SubmitPayoutJob = defineJob({ name: 'wallet.payout-submit', schema: WithdrawalJobPayload, maxAttempts: 10 });
/** Asks the provider how a submitted payout ended: PAID or FAILED (money returned); retried while PENDING. */
export const SettlePayoutJob = defineJob({ name: 'wallet.payout-settle', schema: WithdrawalJobPayload, maxAttempts: 20 });
