import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@gametriggers/auth';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import {
  DEPOSIT,
  HOLD,
  RELEASE,
  TRANSFER,
  adminViewer,
  brand,
  brandViewer,
  deposit,
  depositInput,
  newId,
  newKey,
  serviceViewer,
  streamer,
  streamerViewer,
  transferInput,
} from './factories';
import { walletWithoutJobs } from './factories';

const ANONYMOUS: Viewer = { kind: 'ANONYMOUS', scopes: [] };
const admin = adminViewer();
let subgraph: TestSubgraph;
let sql: pg.Pool;
beforeAll(async () => {
  subgraph = await startTestSubgraph(walletWithoutJobs);
  sql = new pg.Pool({ connectionString: subgraph.databaseUrl, max: 2 });
  // pool.end() resolves before its sockets close; the database drop that follows may reach them.
  sql.on('error', () => {});
});
afterAll(async () => {
  await sql?.end();
  await subgraph?.stop();
});

type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const outcome = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }): string =>
  result.errors ? String(result.errors[0]!.extensions!['code']) : 'OK';

/** Runs `operation` as each viewer and compares the codes with what each may do. */
async function expectAccess(
  operation: (viewer: Viewer) => Promise<{ errors?: readonly { extensions?: Record<string, unknown> }[] }>,
  expected: Record<string, [Viewer, Outcome]>,
) {
  const actual: Record<string, string> = {};
  for (const [name, [viewer]] of Object.entries(expected)) actual[name] = outcome(await operation(viewer));
  expect(actual).toEqual(Object.fromEntries(Object.entries(expected).map(([name, [, code]]) => [name, code])));
}

describe('who may move money', () => {
  it('deposits: the platform only (admins, services)', async () => {
    const brandId = newId();
    await expectAccess((viewer) => subgraph.query(DEPOSIT, { input: depositInput({ brandId }) }, viewer), {
      anonymous: [ANONYMOUS, 'UNAUTHENTICATED'],
      brand: [brandViewer(brandId), 'FORBIDDEN'],
      streamer: [streamerViewer(newId()), 'FORBIDDEN'],
      service: [serviceViewer(), 'OK'],
      admin: [admin, 'OK'],
    });
  });

  it('transfers and holds: the sending owner or an admin; releases, captures, earnings and fees: the platform', async () => {
    const [brandId, streamerId] = [newId(), newId()];
    await deposit({ ...subgraph, query: (q, v) => subgraph.query(q, v, admin) }, brandId, '100.00');
    await expectAccess(
      (viewer) => subgraph.query(TRANSFER, { input: transferInput(brand(brandId), streamer(streamerId), '1.00') }, viewer),
      {
        anonymous: [ANONYMOUS, 'UNAUTHENTICATED'],
        owner: [brandViewer(brandId), 'OK'],
        otherBrand: [brandViewer(newId()), 'FORBIDDEN'],
        receiver: [streamerViewer(streamerId), 'FORBIDDEN'],
        service: [serviceViewer(), 'FORBIDDEN'],
        admin: [admin, 'OK'],
      },
    );
    const hold = () => ({ input: { brandId, amount: { amount: '1.00', currency: 'USD' }, idempotencyKey: newKey('hold') } });
    await expectAccess((viewer) => subgraph.query(HOLD, hold(), viewer), {
      owner: [brandViewer(brandId), 'OK'],
      otherBrand: [brandViewer(newId()), 'FORBIDDEN'],
      service: [serviceViewer(), 'OK'],
      admin: [admin, 'OK'],
    });
    await expectAccess((viewer) => subgraph.query(RELEASE, hold(), viewer), {
      owner: [brandViewer(brandId), 'FORBIDDEN'],
      service: [serviceViewer(), 'OK'],
    });
    const platformOnly = [
      `mutation { captureHold(input: { brandId: "${brandId}", amount: { amount: "0.01", currency: "USD" }, idempotencyKey: "KEY" }) { id } }`,
      `mutation { creditEarnings(input: { brandId: "${brandId}", streamerId: "${streamerId}", amount: { amount: "0.01", currency: "USD" }, feeBasisPoints: 0, idempotencyKey: "KEY", description: "d" }) { id } }`,
      `mutation { chargePlatformFee(input: { owner: { ownerType: BRAND, ownerId: "${brandId}" }, amount: { amount: "0.01", currency: "USD" }, idempotencyKey: "KEY", description: "d" }) { id } }`,
    ];
    for (const mutation of platformOnly) {
      await expectAccess((viewer) => subgraph.query(mutation.replace('KEY', newKey('platform')), {}, viewer), {
        brand: [brandViewer(brandId), 'FORBIDDEN'],
        streamer: [streamerViewer(streamerId), 'FORBIDDEN'],
        service: [serviceViewer(), 'OK'],
        admin: [admin, 'OK'],
      });
    }
  });

  it('reversals: admins only, each recorded as an admin action', async () => {
    const brandId = newId();
    const original = await deposit({ ...subgraph, query: (q, v) => subgraph.query(q, v, admin) }, brandId, '5.00');
    const reverse = `mutation($input: ReverseTransactionInput!) { reverseTransaction(input: $input) { id } }`;
    const input = { transactionId: original.id, reason: 'duplicate payment', idempotencyKey: newKey('reverse') };
    await expectAccess((viewer) => subgraph.query(reverse, { input }, viewer), {
      brand: [brandViewer(brandId), 'FORBIDDEN'],
      service: [serviceViewer(), 'FORBIDDEN'],
      admin: [admin, 'OK'],
    });
    const { rows } = await sql.query(`SELECT actor, action, details->>'reason' AS reason FROM "AdminAction" WHERE "targetId" = $1`, [
      original.id,
    ]);
    expect(rows).toEqual([{ actor: `ADMIN:${admin.accountId}`, action: 'transaction.reverse', reason: 'duplicate payment' }]);
  });
});

describe('who may see money', () => {
  it('shows a wallet, its transactions and statements to its owner, admins and services only; the author to admins', async () => {
    const [brandId, streamerId] = [newId(), newId()];
    const asAdmin = { ...subgraph, query: (q: string, v?: Record<string, unknown>) => subgraph.query(q, v, admin) } as TestSubgraph;
    const transaction = await deposit(asAdmin, brandId, '10.00');
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Brand { wallet { id } } } }`;
    await expectAccess((viewer) => subgraph.query(entities, { r: [{ __typename: 'Brand', id: brandId }] }, viewer), {
      anonymous: [ANONYMOUS, 'UNAUTHENTICATED'],
      owner: [brandViewer(brandId), 'OK'],
      otherBrand: [brandViewer(newId()), 'FORBIDDEN'],
      streamer: [streamerViewer(streamerId), 'FORBIDDEN'],
      service: [serviceViewer(), 'OK'],
      admin: [admin, 'OK'],
    });
    const read = `query($id: ID!) { walletTransaction(id: $id) { id createdBy } }`;
    await expectAccess((viewer) => subgraph.query(read, { id: transaction.id }, viewer), {
      anonymous: [ANONYMOUS, 'UNAUTHENTICATED'],
      owner: [brandViewer(brandId), 'OK'],
      otherBrand: [brandViewer(newId()), 'FORBIDDEN'],
      admin: [admin, 'OK'],
    });
    expect((await subgraph.query(read, { id: transaction.id }, brandViewer(brandId))).data!['walletTransaction'].createdBy).toBeNull();
    expect((await subgraph.query(read, { id: transaction.id }, admin)).data!['walletTransaction'].createdBy).toBe(
      `ADMIN:${admin.accountId}`,
    );
  });

  it('keeps the admin queues and reconciliation to admins, and lists large transactions from the configured threshold', async () => {
    for (const query of [
      '{ pendingWithdrawals { nodes { id } } }',
      '{ largeTransactions { nodes { id } } }',
      '{ walletReconciliation { ok } }',
    ]) {
      await expectAccess((viewer) => subgraph.query(query, {}, viewer), {
        anonymous: [ANONYMOUS, 'UNAUTHENTICATED'],
        brand: [brandViewer(newId()), 'FORBIDDEN'],
        streamer: [streamerViewer(newId()), 'FORBIDDEN'],
        service: [serviceViewer(), 'FORBIDDEN'],
        admin: [admin, 'OK'],
      });
    }
    const asAdmin = { ...subgraph, query: (q: string, v?: Record<string, unknown>) => subgraph.query(q, v, admin) } as TestSubgraph;
    const large = await deposit(asAdmin, newId(), '10000.00');
    const small = await deposit(asAdmin, newId(), '9999.99');
    const largeYen = await deposit(asAdmin, newId(), '1500000', 'JPY');
    const result = await subgraph.query(`{ largeTransactions(first: 100) { nodes { id } } }`, {}, admin);
    const ids = result.data!['largeTransactions'].nodes.map((node: { id: string }) => node.id);
    expect(ids).toEqual(expect.arrayContaining([large.id, largeYen.id]));
    expect(ids).not.toContain(small.id);
    const usdOnly = await subgraph.query(`{ largeTransactions(currency: "JPY") { nodes { id } } }`, {}, admin);
    expect(usdOnly.data!['largeTransactions'].nodes).toEqual([{ id: largeYen.id }]);
  });

  it('shows withdrawals, payment methods and statements to the streamer and admins only', async () => {
    const streamerId = newId();
    const owner = streamerViewer(streamerId);
    const method = await subgraph.query(
      `mutation($input: AddPaymentMethodInput!) { addPaymentMethod(input: $input) { id } }`,
      { input: { owner: streamer(streamerId), kind: 'PAYPAL', details: 'me@example.com' } },
      owner,
    );
    const methodId = method.data!['addPaymentMethod'].id;
    const reads = [
      [`query($s: ID!) { withdrawals(streamerId: $s) { nodes { id } } }`, { s: streamerId }],
      [`query($o: LedgerOwnerInput!) { paymentMethods(owner: $o) { id masked } }`, { o: streamer(streamerId) }],
      [
        `query($o: LedgerOwnerInput!) { walletStatement(owner: $o, from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z") { csv } }`,
        { o: streamer(streamerId) },
      ],
    ] as const;
    for (const [query, variables] of reads) {
      await expectAccess((viewer) => subgraph.query(query, variables, viewer), {
        anonymous: [ANONYMOUS, 'UNAUTHENTICATED'],
        owner: [owner, 'OK'],
        otherStreamer: [streamerViewer(newId()), 'FORBIDDEN'],
        brand: [brandViewer(newId()), 'FORBIDDEN'],
        admin: [admin, 'OK'],
      });
    }
    await expectAccess((viewer) => subgraph.query(`mutation($id: ID!) { removePaymentMethod(id: $id) { id } }`, { id: methodId }, viewer), {
      otherStreamer: [streamerViewer(newId()), 'FORBIDDEN'],
      owner: [owner, 'OK'],
    });
  });
});
