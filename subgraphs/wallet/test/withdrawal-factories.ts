import { randomUUID } from 'node:crypto';
import { KycReviewDecided } from '@gametriggers/events';
import type { ConsumerOptions, EventEnvelope } from '@gametriggers/events';
import type { TestSubgraph } from '@gametriggers/testkit';
import { loadWalletConfig } from '../src/config';
import type { WalletConfig } from '../src/config';
import { DEPOSIT, TRANSFER, brand, depositInput, newId, streamer, streamerViewer, transferInput } from './factories';

/** Limits small enough to reach in a test: USD 5.00 approval threshold, 50 / 80 / 100 per withdrawal / day / month. */
export function testWalletConfig(): WalletConfig {
  const base = loadWalletConfig({});
  return {
    ...base,
    payoutSettleDelayMs: 0,
    withdrawalLimits: {
      ...base.withdrawalLimits,
      USD: { perTransactionMinor: 5_000n, perDayMinor: 8_000n, perMonthMinor: 10_000n, approvalAboveMinor: 500n },
    },
  };
}

export const WITHDRAWAL_FIELDS = `id streamerId status requiresApproval requestedBy decidedBy failureReason providerReference amount { amount amountMinor currency }
  history { fromStatus toStatus actor ledgerTransactionId }`;
export const REQUEST_WITHDRAWAL = `mutation($input: RequestWithdrawalInput!) { requestWithdrawal(input: $input) { ${WITHDRAWAL_FIELDS} } }`;
export const APPROVE = `mutation($input: DecideWithdrawalInput!) { approveWithdrawal(input: $input) { ${WITHDRAWAL_FIELDS} } }`;
export const REJECT = `mutation($input: DecideWithdrawalInput!) { rejectWithdrawal(input: $input) { ${WITHDRAWAL_FIELDS} } }`;
export const WITHDRAWAL = `query($id: ID!) { withdrawal(id: $id) { ${WITHDRAWAL_FIELDS} } }`;
export const ADD_METHOD = `mutation($input: AddPaymentMethodInput!) { addPaymentMethod(input: $input) { id kind masked label ownerId } }`;

/** A kyc.review.decided envelope, as the kyc subgraph publishes it. */
export function kycDecided(
  streamerId: string,
  status: 'APPROVED' | 'REJECTED',
  decidedAt = new Date(),
  expiresAt: Date | null = null,
): EventEnvelope {
  const id = randomUUID();
  return {
    specversion: '1.0',
    id,
    source: '/subgraphs/kyc',
    type: KycReviewDecided.type,
    dataversion: KycReviewDecided.version,
    subject: `STREAMER:${streamerId}`,
    time: new Date().toISOString(),
    correlationid: id,
    datacontenttype: 'application/json',
    data: {
      caseId: randomUUID(),
      subjectType: 'STREAMER',
      subjectId: streamerId,
      status,
      decidedAt: decidedAt.toISOString(),
      expiresAt: status === 'APPROVED' ? (expiresAt ?? new Date(Date.now() + 365 * 86_400_000)).toISOString() : null,
    },
  };
}

/** A streamer with money (through a brand's deposit and a transfer), an approved KYC and a bank account. */
export async function readyStreamer(
  subgraph: TestSubgraph,
  consumer: ConsumerOptions,
  options: { amount?: string; details?: string; kyc?: boolean } = {},
) {
  const streamerId = newId();
  const brandId = newId();
  const amount = options.amount ?? '200.00';
  const deposited = await subgraph.query(DEPOSIT, { input: depositInput({ brandId, amount: { amount, currency: 'USD' } }) });
  if (deposited.errors) throw new Error(JSON.stringify(deposited.errors));
  const moved = await subgraph.query(TRANSFER, { input: transferInput(brand(brandId), streamer(streamerId), amount) });
  if (moved.errors) throw new Error(JSON.stringify(moved.errors));
  if (options.kyc ?? true) await consumer.handle(kycDecided(streamerId, 'APPROVED'));
  const viewer = streamerViewer(streamerId);
  const method = await subgraph.query(
    ADD_METHOD,
    { input: { owner: streamer(streamerId), kind: 'BANK', details: options.details ?? 'DE89370400440532013000', label: 'Main' } },
    viewer,
  );
  if (method.errors) throw new Error(JSON.stringify(method.errors));
  return { streamerId, viewer, methodId: method.data!['addPaymentMethod'].id as string };
}

export const withdrawalInput = (streamerId: string, paymentMethodId: string, amount: string, overrides: Record<string, unknown> = {}) => ({
  streamerId,
  paymentMethodId,
  amount: { amount, currency: 'USD' },
  idempotencyKey: `withdrawal-${randomUUID()}`,
  ...overrides,
});
