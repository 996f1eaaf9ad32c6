import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import {
  BALANCE_FIELDS,
  DEPOSIT,
  HOLD,
  RELEASE,
  TRANSACTION_FIELDS,
  TRANSFER,
  balanceOf,
  brand,
  deposit,
  depositInput,
  newId,
  newKey,
  streamer,
  transferInput,
  walletsOf,
} from './factories';
import { walletWithoutJobs } from './factories';
import { ADMIN, actingAs } from './factories';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = actingAs(await startTestSubgraph(walletWithoutJobs), ADMIN);
});
afterAll(async () => {
  await subgraph?.stop();
});

describe('deposits and balances', () => {
  it('credits the brand from the provider clearing account and reads the balance back exactly', async () => {
    const brandId = newId();
    const result = await subgraph.query(DEPOSIT, { input: depositInput({ brandId, amount: { amount: '1500.5', currency: 'USD' } }) });
    expect(result.errors).toBeUndefined();
    const transaction = result.data!['depositFunds'];
    expect(transaction.kind).toBe('DEPOSIT');
    expect(transaction.description).toBe('Deposit pi_test_123');
    expect(transaction.entries).toEqual(
      expect.arrayContaining([
        {
          accountKind: 'PROVIDER_CLEARING',
          ownerType: 'PLATFORM',
          ownerId: null,
          currency: 'USD',
          amount: { amount: '-1500.50', amountMinor: -150050, currency: 'USD' },
        },
        {
          accountKind: 'AVAILABLE',
          ownerType: 'BRAND',
          ownerId: brandId,
          currency: 'USD',
          amount: { amount: '1500.50', amountMinor: 150050, currency: 'USD' },
        },
      ]),
    );
    expect(transaction.entries).toHaveLength(2);

    const [entity] = await walletsOf(subgraph, [{ __typename: 'Brand', id: brandId }], `id ownerType ownerId ${BALANCE_FIELDS}`);
    expect(entity!.wallet).toMatchObject({ ownerType: 'BRAND', ownerId: brandId });
    expect(entity!.wallet.balances).toEqual([
      {
        currency: 'USD',
        available: { amount: '1500.50', amountMinor: 150050, currency: 'USD' },
        held: { amount: '0.00', amountMinor: 0 },
        total: { amount: '1500.50', amountMinor: 150050 },
      },
    ]);

    const byId = await subgraph.query(`query($id: ID!) { wallet(id: $id) { id ownerId transactions { nodes { id } } } }`, {
      id: entity!.wallet.id,
    });
    expect(byId.data!['wallet']).toEqual({ id: entity!.wallet.id, ownerId: brandId, transactions: { nodes: [{ id: transaction.id }] } });
    const read = await subgraph.query(`query($id: ID!) { walletTransaction(id: $id) { ${TRANSACTION_FIELDS} } }`, { id: transaction.id });
    expect(read.data!['walletTransaction']).toEqual(transaction);
  });

  it('keeps currencies apart and handles JPY (no minor digits) exactly', async () => {
    const brandId = newId();
    const streamerId = newId();
    const yen = await subgraph.query(DEPOSIT, { input: depositInput({ brandId, amount: { amount: '1234567', currency: 'JPY' } }) });
    expect(yen.errors).toBeUndefined();
    expect(yen.data!['depositFunds'].entries).toContainEqual(
      expect.objectContaining({ accountKind: 'AVAILABLE', amount: { amount: '1234567', amountMinor: 1234567, currency: 'JPY' } }),
    );
    await deposit(subgraph, brandId, '10.00', 'USD');
    const fraction = await subgraph.query(DEPOSIT, { input: depositInput({ brandId, amount: { amount: '5.5', currency: 'JPY' } }) });
    expect(fraction.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.amount' });

    const sent = await subgraph.query(TRANSFER, { input: transferInput(brand(brandId), streamer(streamerId), '1000', 'JPY') });
    expect(sent.errors).toBeUndefined();
    const [entity] = await walletsOf(subgraph, [{ __typename: 'Brand', id: brandId }]);
    expect(entity!.wallet.balances.map((b: any) => [b.currency, b.available.amount])).toEqual([
      ['JPY', '1233567'],
      ['USD', '10.00'],
    ]);
    expect(await balanceOf(subgraph, 'Streamer', streamerId, 'JPY')).toEqual({ available: 1000, held: 0, total: 1000 });
  });
});

describe('transfers', () => {
  it('moves available money from a brand to a streamer', async () => {
    const brandId = newId();
    const streamerId = newId();
    await deposit(subgraph, brandId, '250.00');
    const result = await subgraph.query(TRANSFER, { input: transferInput(brand(brandId), streamer(streamerId), '99.99') });
    expect(result.errors).toBeUndefined();
    expect(result.data!['transferFunds']).toMatchObject({ kind: 'TRANSFER', description: 'Test transfer' });
    expect(result.data!['transferFunds'].entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ownerType: 'BRAND',
          ownerId: brandId,
          accountKind: 'AVAILABLE',
          amount: expect.objectContaining({ amountMinor: -9999 }),
        }),
        expect.objectContaining({
          ownerType: 'STREAMER',
          ownerId: streamerId,
          accountKind: 'AVAILABLE',
          amount: expect.objectContaining({ amountMinor: 9999 }),
        }),
      ]),
    );
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 15001, held: 0, total: 15001 });
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toEqual({ available: 9999, held: 0, total: 9999 });
  });

  it('refuses to overdraw with INSUFFICIENT_FUNDS and writes nothing', async () => {
    const brandId = newId();
    const streamerId = newId();
    await deposit(subgraph, brandId, '100.00');
    const key = newKey('overdraw');
    const result = await subgraph.query(TRANSFER, {
      input: transferInput(brand(brandId), streamer(streamerId), '100.01', 'USD', { idempotencyKey: key }),
    });
    expect(result.data).toBeNull();
    expect(result.errors![0]!.extensions).toEqual({ code: 'INSUFFICIENT_FUNDS', field: 'input.amount' });
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 10000, held: 0, total: 10000 });
    const [receiver] = await walletsOf(subgraph, [{ __typename: 'Streamer', id: streamerId }]);
    expect(receiver!.wallet).toBeNull(); // not even an empty wallet was created

    // A sender without any wallet has nothing to send.
    const empty = await subgraph.query(TRANSFER, { input: transferInput(streamer(streamerId), brand(brandId), '0.01') });
    expect(empty.errors![0]!.extensions).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });

    // The failed request did not consume its key: once funded, the same request goes through.
    await deposit(subgraph, brandId, '0.01');
    const retry = await subgraph.query(TRANSFER, {
      input: transferInput(brand(brandId), streamer(streamerId), '100.01', 'USD', { idempotencyKey: key }),
    });
    expect(retry.errors).toBeUndefined();
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 0, held: 0, total: 0 });
  });

  it('rejects invalid transfers naming the field, and writes nothing', async () => {
    const brandId = newId();
    await deposit(subgraph, brandId, '50.00');
    const cases: [Record<string, unknown>, string][] = [
      [transferInput(brand(brandId), brand(brandId), '1.00'), 'input.to'],
      [transferInput({ ownerType: 'PLATFORM', ownerId: newId() }, brand(brandId), '1.00'), 'input.from.ownerType'],
      [transferInput(brand(brandId), streamer('not-a-uuid'), '1.00'), 'input.to.ownerId'],
      [transferInput(brand(brandId), streamer(newId()), '0'), 'input.amount.amount'],
      [transferInput(brand(brandId), streamer(newId()), '-1'), 'input.amount.amount'],
      [transferInput(brand(brandId), streamer(newId()), '1.001'), 'input.amount.amount'],
      [transferInput(brand(brandId), streamer(newId()), '1.00', 'XYZ'), 'input.amount.currency'],
      [transferInput(brand(brandId), streamer(newId()), '1.00', 'usd'), 'input.amount.currency'],
      [transferInput(brand(brandId), streamer(newId()), '1.00', 'USD', { idempotencyKey: 'short' }), 'input.idempotencyKey'],
      [transferInput(brand(brandId), streamer(newId()), '1.00', 'USD', { idempotencyKey: 'k'.repeat(101) }), 'input.idempotencyKey'],
    ];
    for (const [input, field] of cases) {
      const result = await subgraph.query(TRANSFER, { input });
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 5000, held: 0, total: 5000 });
    const [entity] = await walletsOf(subgraph, [{ __typename: 'Brand', id: brandId }], 'transactions { nodes { kind } }');
    expect(entity!.wallet.transactions.nodes).toEqual([{ kind: 'DEPOSIT' }]);
  });
});

describe('holds', () => {
  it('moves a brand between available and held, never below zero', async () => {
    const brandId = newId();
    await deposit(subgraph, brandId, '1000.00');
    const held = await subgraph.query(HOLD, {
      input: { brandId, amount: { amount: '300.00', currency: 'USD' }, idempotencyKey: newKey('hold') },
    });
    expect(held.errors).toBeUndefined();
    expect(held.data!['holdFunds'].kind).toBe('HOLD');
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 70000, held: 30000, total: 100000 });

    const tooMuchHold = await subgraph.query(HOLD, {
      input: { brandId, amount: { amount: '700.01', currency: 'USD' }, idempotencyKey: newKey('hold') },
    });
    expect(tooMuchHold.errors![0]!.extensions).toEqual({ code: 'INSUFFICIENT_FUNDS', field: 'input.amount' });
    const tooMuchRelease = await subgraph.query(RELEASE, {
      input: { brandId, amount: { amount: '300.01', currency: 'USD' }, idempotencyKey: newKey('release') },
    });
    expect(tooMuchRelease.errors![0]!.extensions).toEqual({ code: 'INSUFFICIENT_FUNDS', field: 'input.amount' });

    const released = await subgraph.query(RELEASE, {
      input: { brandId, amount: { amount: '100.00', currency: 'USD' }, idempotencyKey: newKey('release') },
    });
    expect(released.data!['releaseHold'].kind).toBe('RELEASE');
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 80000, held: 20000, total: 100000 });
  });
});

describe('idempotency', () => {
  it('returns the original transaction for a retry and moves the money once', async () => {
    const input = depositInput();
    const first = await subgraph.query(DEPOSIT, { input });
    const second = await subgraph.query(DEPOSIT, { input });
    expect(second.errors).toBeUndefined();
    expect(second.data!['depositFunds']).toEqual(first.data!['depositFunds']);
    expect(await balanceOf(subgraph, 'Brand', input.brandId as string)).toEqual({ available: 100000, held: 0, total: 100000 });
  });

  it('answers CONFLICT when a key is reused with different parameters', async () => {
    const input = depositInput();
    await subgraph.query(DEPOSIT, { input });
    const otherAmount = await subgraph.query(DEPOSIT, { input: { ...input, amount: { amount: '1000.01', currency: 'USD' } } });
    expect(otherAmount.data).toBeNull();
    expect(otherAmount.errors![0]!.extensions).toEqual({ code: 'CONFLICT', field: 'input.idempotencyKey' });
    const otherCurrency = await subgraph.query(DEPOSIT, { input: { ...input, amount: { amount: '1000.00', currency: 'EUR' } } });
    expect(otherCurrency.errors![0]!.extensions).toEqual({ code: 'CONFLICT', field: 'input.idempotencyKey' });
    const otherOperation = await subgraph.query(TRANSFER, {
      input: transferInput(brand(input.brandId as string), streamer(newId()), '1.00', 'USD', { idempotencyKey: input.idempotencyKey }),
    });
    expect(otherOperation.errors![0]!.extensions).toEqual({ code: 'CONFLICT', field: 'input.idempotencyKey' });
    expect(await balanceOf(subgraph, 'Brand', input.brandId as string)).toEqual({ available: 100000, held: 0, total: 100000 });
  });
});

describe('lookups and federation', () => {
  it('answers NOT_FOUND for unknown ids, not a server error', async () => {
    for (const id of [newId(), 'not-a-uuid']) {
      const wallet = await subgraph.query(`query($id: ID!) { wallet(id: $id) { id } }`, { id });
      expect(wallet.data!['wallet']).toBeNull();
      expect(wallet.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
      const transaction = await subgraph.query(`query($id: ID!) { walletTransaction(id: $id) { id } }`, { id });
      expect(transaction.data!['walletTransaction']).toBeNull();
      expect(transaction.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('resolves Brand.wallet and Streamer.wallet for many owners in order, null without a wallet', async () => {
    const [a, b, s] = [newId(), newId(), newId()];
    await deposit(subgraph, a, '1.00');
    await deposit(subgraph, b, '2.00');
    await subgraph.query(TRANSFER, { input: transferInput(brand(b), streamer(s), '0.50') });
    const none = newId();
    const entities = await walletsOf(subgraph, [
      { __typename: 'Streamer', id: s },
      { __typename: 'Brand', id: b },
      { __typename: 'Brand', id: none },
      { __typename: 'Brand', id: a },
      { __typename: 'Streamer', id: a },
    ]);
    expect(entities.map((entity) => [entity.id, entity.wallet?.balances[0]?.available.amount ?? null])).toEqual([
      [s, '0.50'],
      [b, '1.50'],
      [none, null],
      [a, '1.00'],
      [a, null],
    ]);
  });

  it('resolves Wallet and LedgerTransaction entities by id', async () => {
    const [a, b] = [newId(), newId()];
    const depositA = await deposit(subgraph, a, '3.00');
    const depositB = await deposit(subgraph, b, '4.00', 'EUR');
    const owners = await walletsOf(
      subgraph,
      [
        { __typename: 'Brand', id: a },
        { __typename: 'Brand', id: b },
      ],
      'id',
    );
    const [walletA, walletB] = owners.map((owner) => owner.wallet.id as string);
    const result = await subgraph.query(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
         ... on Wallet { id ownerId balances { total { amount currency } } }
         ... on LedgerTransaction { id kind entries { ownerType amount { amount } } } } }`,
      {
        representations: [
          { __typename: 'Wallet', id: walletB },
          { __typename: 'LedgerTransaction', id: depositA.id },
          { __typename: 'Wallet', id: walletA },
          { __typename: 'Wallet', id: newId() },
          { __typename: 'LedgerTransaction', id: depositB.id },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!['_entities']).toEqual([
      { id: walletB, ownerId: b, balances: [{ total: { amount: '4.00', currency: 'EUR' } }] },
      { id: depositA.id, kind: 'DEPOSIT', entries: expect.arrayContaining([{ ownerType: 'BRAND', amount: { amount: '3.00' } }]) },
      { id: walletA, ownerId: a, balances: [{ total: { amount: '3.00', currency: 'USD' } }] },
      null,
      { id: depositB.id, kind: 'DEPOSIT', entries: expect.arrayContaining([{ ownerType: 'PLATFORM', amount: { amount: '-4.00' } }]) },
    ]);
  });

  it("pages through a wallet's transactions newest first, filtered by kind, for several wallets at once", async () => {
    const [a, b, s] = [newId(), newId(), newId()];
    const ids: string[] = [];
    for (const amount of ['1.00', '2.00', '3.00']) ids.push((await deposit(subgraph, a, amount)).id);
    const transfer = await subgraph.query(TRANSFER, { input: transferInput(brand(a), streamer(s), '0.25') });
    ids.push(transfer.data!['transferFunds'].id);
    const hold = await subgraph.query(HOLD, {
      input: { brandId: a, amount: { amount: '1.00', currency: 'USD' }, idempotencyKey: newKey('hold') },
    });
    ids.push(hold.data!['holdFunds'].id);
    await deposit(subgraph, b, '9.00');

    const seen: string[] = [];
    let after: string | null = null;
    const [owner] = await walletsOf(subgraph, [{ __typename: 'Brand', id: a }], 'id');
    do {
      const page: any = await subgraph.query(
        `query($id: ID!, $after: String) { wallet(id: $id) { transactions(first: 2, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } } }`,
        { id: owner!.wallet.id, after },
      );
      const connection = page.data.wallet.transactions;
      seen.push(...connection.nodes.map((node: { id: string }) => node.id));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([...ids].reverse()); // the hold touches two accounts of the wallet, listed once

    const batched = await walletsOf(
      subgraph,
      [
        { __typename: 'Brand', id: a },
        { __typename: 'Brand', id: b },
        { __typename: 'Streamer', id: s },
      ],
      'deposits: transactions(first: 2, kind: DEPOSIT) { nodes { kind } pageInfo { hasNextPage } } all: transactions(first: 1) { nodes { kind } }',
    );
    expect(
      batched.map((entity) => [
        entity.wallet.deposits.nodes.length,
        entity.wallet.deposits.pageInfo.hasNextPage,
        entity.wallet.all.nodes[0].kind,
      ]),
    ).toEqual([
      [2, true, 'HOLD'],
      [1, false, 'DEPOSIT'],
      [0, false, 'TRANSFER'],
    ]);

    const badCursor = await subgraph.query(`query($id: ID!) { wallet(id: $id) { transactions(after: "nonsense") { nodes { id } } } }`, {
      id: owner!.wallet.id,
    });
    expect(badCursor.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
