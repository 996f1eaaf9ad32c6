import { randomUUID } from 'node:crypto';
import type { Viewer } from '@gametriggers/auth';
import type { SubgraphDefinition } from '@gametriggers/federation';
import type { TestSubgraph } from '@gametriggers/testkit';
import type { Context } from '../src/context';
import type { Db } from '../src/db';
import { walletSubgraph } from '../src/index';

/**
 * The wallet subgraph without its payout job runner, for test files that move no withdrawal. Why:
 * graphile-worker does not await the end of its pool when stopped, and the test database is dropped
 * (WITH FORCE) right after; a pool connection still closing then gets a FATAL 57P01 that its pool no
 * longer listens for, which vitest reports as an unhandled error. The fix belongs in
 * @gametriggers/events' job runner (its own pool, with an error listener, ended and awaited).
 */
export const walletWithoutJobs: SubgraphDefinition<Db, Context> = (() => {
  const { createJobHandlers: _jobs, ...definition } = walletSubgraph;
  return definition;
})();

/** A fresh owner id (brand or streamer): each test uses its own wallets. */
export const newId = () => randomUUID();

/** Viewers, as the router would sign them. */
export const adminViewer = (accountId = newId()): Viewer => ({ kind: 'ADMIN', accountId, scopes: [] });
export const serviceViewer = (service = 'campaign'): Viewer => ({ kind: 'SERVICE', service, scopes: [] });
export const brandViewer = (brandId: string): Viewer => ({ kind: 'BRAND', accountId: newId(), entityId: brandId, scopes: [] });
export const streamerViewer = (streamerId: string): Viewer => ({ kind: 'STREAMER', accountId: newId(), entityId: streamerId, scopes: [] });
export const ADMIN = adminViewer();

/** The subgraph answering as `viewer` unless a call names another one. */
export function actingAs(subgraph: TestSubgraph, viewer: Viewer): TestSubgraph {
  return { ...subgraph, query: (query, variables, as) => subgraph.query(query, variables, as ?? viewer) };
}

/** A fresh idempotency key. */
export const newKey = (label = 'key') => `${label}-${randomUUID()}`;

export const TRANSACTION_FIELDS = `
  id kind description idempotencyKey createdAt
  entries { accountKind ownerType ownerId currency amount { amount amountMinor currency } }`;

export const BALANCE_FIELDS = `balances { currency available { amount amountMinor currency } held { amount amountMinor } total { amount amountMinor } }`;

export const DEPOSIT = `mutation($input: DepositFundsInput!) { depositFunds(input: $input) { ${TRANSACTION_FIELDS} } }`;
export const TRANSFER = `mutation($input: TransferFundsInput!) { transferFunds(input: $input) { ${TRANSACTION_FIELDS} } }`;
export const HOLD = `mutation($input: BrandHoldInput!) { holdFunds(input: $input) { ${TRANSACTION_FIELDS} } }`;
export const RELEASE = `mutation($input: BrandHoldInput!) { releaseHold(input: $input) { ${TRANSACTION_FIELDS} } }`;

/** A valid DepositFundsInput; override any field. */
export function depositInput(overrides: Record<string, unknown> = {}) {
  return {
    brandId: newId(),
    amount: { amount: '1000.00', currency: 'USD' },
    idempotencyKey: newKey('deposit'),
    reference: 'pi_test_123',
    ...overrides,
  };
}

export const brand = (ownerId: string) => ({ ownerType: 'BRAND', ownerId });
export const streamer = (ownerId: string) => ({ ownerType: 'STREAMER', ownerId });

/** A valid TransferFundsInput; override any field. */
export function transferInput(from: object, to: object, amount: string, currency = 'USD', overrides: Record<string, unknown> = {}) {
  return { from, to, amount: { amount, currency }, idempotencyKey: newKey('transfer'), description: 'Test transfer', ...overrides };
}

/** Deposits and fails the test if the deposit did not go through. */
export async function deposit(subgraph: TestSubgraph, brandId: string, amount: string, currency = 'USD') {
  const result = await subgraph.query(DEPOSIT, { input: depositInput({ brandId, amount: { amount, currency } }) });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!['depositFunds'];
}

/** The wallets of owners through the stand-ins, as the router asks for them (one `_entities` call). */
export async function walletsOf(
  subgraph: TestSubgraph,
  owners: { __typename: 'Brand' | 'Streamer'; id: string }[],
  fields = `id ${BALANCE_FIELDS}`,
) {
  const result = await subgraph.query(
    `query($representations: [_Any!]!) { _entities(representations: $representations) {
       ... on Brand { id wallet { ${fields} } } ... on Streamer { id wallet { ${fields} } } } }`,
    { representations: owners },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!['_entities'] as { id: string; wallet: any }[];
}

/** The balance of one currency of one owner's wallet (zeros when there is none). */
export async function balanceOf(subgraph: TestSubgraph, typename: 'Brand' | 'Streamer', id: string, currency = 'USD') {
  const [entity] = await walletsOf(subgraph, [{ __typename: typename, id }]);
  const balance = entity?.wallet?.balances.find((b: { currency: string }) => b.currency === currency);
  return {
    available: balance?.available.amountMinor ?? 0,
    held: balance?.held.amountMinor ?? 0,
    total: balance?.total.amountMinor ?? 0,
  };
}
