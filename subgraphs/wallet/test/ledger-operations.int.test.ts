import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import {
  ADMIN,
  HOLD,
  TRANSACTION_FIELDS,
  TRANSFER,
  actingAs,
  balanceOf,
  brand,
  deposit,
  newId,
  newKey,
  streamer,
  transferInput,
  walletsOf,
} from './factories';
import { walletWithoutJobs } from './factories';

const CONVERT = `mutation($input: ConvertCurrencyInput!) { convertCurrency(input: $input) { ${TRANSACTION_FIELDS} fx { rate from to } } }`;
const REVERSE = `mutation($input: ReverseTransactionInput!) { reverseTransaction(input: $input) { ${TRANSACTION_FIELDS} reverses { id } } }`;
const CAPTURE = `mutation($input: BrandHoldInput!) { captureHold(input: $input) { ${TRANSACTION_FIELDS} } }`;
const FEE = `mutation($input: ChargePlatformFeeInput!) { chargePlatformFee(input: $input) { ${TRANSACTION_FIELDS} } }`;
const EARNINGS = `mutation($input: CreditEarningsInput!) { creditEarnings(input: $input) { ${TRANSACTION_FIELDS} } }`;

let subgraph: TestSubgraph;
let sql: pg.Pool;
beforeAll(async () => {
  subgraph = actingAs(await startTestSubgraph(walletWithoutJobs), ADMIN);
  sql = new pg.Pool({ connectionString: subgraph.databaseUrl, max: 2 });
  // pool.end() resolves before its sockets close; the database drop that follows may reach them.
  sql.on('error', () => {});
});
afterAll(async () => {
  await sql?.end();
  await subgraph?.stop();
});

const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions;
const transactionCount = async () => (await sql.query('SELECT count(*)::int AS n FROM "LedgerTransaction"')).rows[0].n as number;

describe('balance conditions', () => {
  it('moves money only when every condition holds on the balances just before the movement', async () => {
    const brandId = newId();
    await deposit(subgraph, brandId, '100.00');
    const ok = await subgraph.query(TRANSFER, {
      input: transferInput(brand(brandId), streamer(newId()), '10.00', 'USD', {
        conditions: [
          { balance: 'AVAILABLE', operator: 'GTE', amount: { amount: '10.00', currency: 'USD' } },
          { balance: 'HELD', operator: 'EQ', amount: { amount: '0', currency: 'USD' } },
        ],
      }),
    });
    expect(ok.errors).toBeUndefined();

    await subgraph.query(HOLD, { input: { brandId, amount: { amount: '5.00', currency: 'USD' }, idempotencyKey: newKey('hold') } });
    const before = await transactionCount();
    const heldNotZero = await subgraph.query(TRANSFER, {
      input: transferInput(brand(brandId), streamer(newId()), '1.00', 'USD', {
        conditions: [
          { balance: 'TOTAL', operator: 'GTE', amount: { amount: '1.00', currency: 'USD' } },
          { balance: 'HELD', operator: 'EQ', amount: { amount: '0', currency: 'USD' } },
        ],
      }),
    });
    expect(codeOf(heldNotZero)).toEqual({ code: 'BALANCE_CONDITION_FAILED', field: 'input.conditions.1' });
    expect(await transactionCount()).toBe(before);
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 8500, held: 500, total: 9000 });
  });

  it('checks a condition on another wallet, and validates its currency', async () => {
    const [brandId, other] = [newId(), newId()];
    await deposit(subgraph, brandId, '50.00');
    const result = await subgraph.query(TRANSFER, {
      input: transferInput(brand(brandId), streamer(newId()), '1.00', 'USD', {
        conditions: [{ owner: brand(other), balance: 'AVAILABLE', operator: 'GT', amount: { amount: '0', currency: 'USD' } }],
      }),
    });
    expect(codeOf(result)).toEqual({ code: 'BALANCE_CONDITION_FAILED', field: 'input.conditions.0' });
    const badCurrency = await subgraph.query(TRANSFER, {
      input: transferInput(brand(brandId), streamer(newId()), '1.00', 'USD', {
        conditions: [{ balance: 'AVAILABLE', operator: 'GT', amount: { amount: '0', currency: 'XAU' } }],
      }),
    });
    expect(codeOf(badCurrency)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.conditions.0.amount.currency' });
  });
});

describe('currencies from configuration', () => {
  it('refuses currencies the wallet does not support and amounts finer than the exponent', async () => {
    const brandId = newId();
    await deposit(subgraph, brandId, '10.00');
    const krw = await subgraph.query(TRANSFER, { input: transferInput(brand(brandId), streamer(newId()), '100', 'KRW') });
    expect(codeOf(krw)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.currency' });
    const yenCents = await subgraph.query(TRANSFER, { input: transferInput(brand(brandId), streamer(newId()), '1.5', 'JPY') });
    expect(codeOf(yenCents)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount.amount' });
    // The wallet's own key namespace is not for clients.
    const reserved = await subgraph.query(TRANSFER, {
      input: transferInput(brand(brandId), streamer(newId()), '1.00', 'USD', { idempotencyKey: `withdrawal:${newId()}:hold` }),
    });
    expect(codeOf(reserved)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });
});

describe('conversion, reversal, capture, fees and earnings', () => {
  it('converts at the configured rate, stores the rate, balances every currency and rounds down', async () => {
    const brandId = newId();
    await deposit(subgraph, brandId, '100.00', 'EUR');
    const result = await subgraph.query(CONVERT, {
      input: { owner: brand(brandId), amount: { amount: '10.01', currency: 'EUR' }, toCurrency: 'USD', idempotencyKey: newKey('fx') },
    });
    expect(result.errors).toBeUndefined();
    const conversion = result.data!['convertCurrency'];
    expect(conversion.kind).toBe('CONVERSION');
    expect(conversion.fx).toEqual({ rate: '1.0865', from: 'EUR', to: 'USD' });
    // 10.01 EUR * 1.0865 = 10.875865 USD -> 10.87 USD.
    expect(await balanceOf(subgraph, 'Brand', brandId, 'USD')).toMatchObject({ available: 1087 });
    expect(await balanceOf(subgraph, 'Brand', brandId, 'EUR')).toMatchObject({ available: 8999 });
    const sums = new Map<string, number>();
    for (const entry of conversion.entries) sums.set(entry.currency, (sums.get(entry.currency) ?? 0) + entry.amount.amountMinor);
    expect(Object.fromEntries(sums)).toEqual({ EUR: 0, USD: 0 });

    // The reverse pair is derived (1 / 151.25, 12 decimals) and JPY has no minor digits.
    const yen = await subgraph.query(CONVERT, {
      input: { owner: brand(brandId), amount: { amount: '5.00', currency: 'USD' }, toCurrency: 'JPY', idempotencyKey: newKey('fx') },
    });
    expect(yen.data!['convertCurrency'].fx.rate).toBe('151.25');
    expect(await balanceOf(subgraph, 'Brand', brandId, 'JPY')).toMatchObject({ available: 756 });
    const back = await subgraph.query(CONVERT, {
      input: { owner: brand(brandId), amount: { amount: '756', currency: 'JPY' }, toCurrency: 'USD', idempotencyKey: newKey('fx') },
    });
    expect(back.data!['convertCurrency'].fx.rate).toBe('0.006611570247');
    expect(await balanceOf(subgraph, 'Brand', brandId, 'USD')).toMatchObject({ available: 1087 - 500 + 499 });
  });

  it('reverses a transaction once, linking it, and refuses to reverse a reversal', async () => {
    const [brandId, streamerId] = [newId(), newId()];
    await deposit(subgraph, brandId, '20.00');
    const transfer = await subgraph.query(TRANSFER, { input: transferInput(brand(brandId), streamer(streamerId), '7.00') });
    const id = transfer.data!['transferFunds'].id;
    const input = { transactionId: id, reason: 'sent to the wrong streamer', idempotencyKey: newKey('reverse') };
    const reversal = await subgraph.query(REVERSE, { input });
    expect(reversal.errors).toBeUndefined();
    expect(reversal.data!['reverseTransaction']).toMatchObject({ kind: 'REVERSAL', reverses: { id } });
    expect(await balanceOf(subgraph, 'Brand', brandId)).toMatchObject({ available: 2000 });
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toMatchObject({ available: 0 });
    const retry = await subgraph.query(REVERSE, { input });
    expect(retry.data!['reverseTransaction'].id).toBe(reversal.data!['reverseTransaction'].id);
    const again = await subgraph.query(REVERSE, { input: { ...input, idempotencyKey: newKey('reverse') } });
    expect(codeOf(again)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.transactionId' });
    const ofReversal = await subgraph.query(REVERSE, {
      input: { transactionId: reversal.data!['reverseTransaction'].id, reason: 'no', idempotencyKey: newKey('reverse') },
    });
    expect(codeOf(ofReversal)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.transactionId' });
  });

  it('captures held money and charges fees as platform revenue; pays earnings less the fee', async () => {
    const [brandId, streamerId] = [newId(), newId()];
    await deposit(subgraph, brandId, '100.00');
    await subgraph.query(HOLD, { input: { brandId, amount: { amount: '60.00', currency: 'USD' }, idempotencyKey: newKey('hold') } });
    const capture = await subgraph.query(CAPTURE, {
      input: { brandId, amount: { amount: '10.00', currency: 'USD' }, idempotencyKey: newKey('cap') },
    });
    expect(capture.data!['captureHold'].kind).toBe('CAPTURE');
    const earnings = await subgraph.query(EARNINGS, {
      input: {
        brandId,
        streamerId,
        amount: { amount: '33.33', currency: 'USD' },
        feeBasisPoints: 1500,
        idempotencyKey: newKey('earn'),
        description: 'Campaign delivery',
      },
    });
    expect(earnings.errors).toBeUndefined();
    // Fee 15 % of 33.33 = 4.9995 -> 5.00 (half up); the streamer gets 28.33.
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toMatchObject({ available: 2833 });
    const fee = await subgraph.query(FEE, {
      input: {
        owner: streamer(streamerId),
        amount: { amount: '0.33', currency: 'USD' },
        idempotencyKey: newKey('fee'),
        description: 'Payout fee',
      },
    });
    expect(fee.data!['chargePlatformFee'].kind).toBe('FEE');
    expect(await balanceOf(subgraph, 'Streamer', streamerId)).toMatchObject({ available: 2800 });
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 4000, held: 1667, total: 5667 });

    // Reversing the capture takes the money back from the very fee shard it was credited to.
    const reversal = await subgraph.query(REVERSE, {
      input: { transactionId: capture.data!['captureHold'].id, reason: 'campaign cancelled', idempotencyKey: newKey('reverse') },
    });
    expect(reversal.errors).toBeUndefined();
    expect(await balanceOf(subgraph, 'Brand', brandId)).toEqual({ available: 4000, held: 2667, total: 6667 });
  });
});

describe('history', () => {
  it('rebuilds balances as of any past moment from the journal', async () => {
    const brandId = newId();
    await deposit(subgraph, brandId, '10.00');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await deposit(subgraph, brandId, '5.00');
    const fields = (asOf: string) =>
      `id then: balances(asOf: "${asOf}") { currency total { amountMinor } } now: balances { total { amountMinor } }`;
    const [before] = await walletsOf(subgraph, [{ __typename: 'Brand', id: brandId }], fields(new Date(0).toISOString()));
    expect(before!.wallet.then).toEqual([]);
    const [entity] = await walletsOf(subgraph, [{ __typename: 'Brand', id: brandId }], fields(between.toISOString()));
    expect(entity!.wallet.then).toEqual([{ currency: 'USD', total: { amountMinor: 1000 } }]);
    expect(entity!.wallet.now).toEqual([{ total: { amountMinor: 1500 } }]);
  });

  it('filters the transaction list by currency and time', async () => {
    const brandId = newId();
    await deposit(subgraph, brandId, '1.00');
    const since = new Date();
    await deposit(subgraph, brandId, '2.00', 'EUR');
    await deposit(subgraph, brandId, '3.00');
    const [entity] = await walletsOf(
      subgraph,
      [{ __typename: 'Brand', id: brandId }],
      `usd: transactions(currency: "USD") { nodes { description } } recent: transactions(since: "${since.toISOString()}") { nodes { kind } }
       old: transactions(until: "${since.toISOString()}") { nodes { kind } }`,
    );
    expect(entity!.wallet.usd.nodes).toHaveLength(2);
    expect(entity!.wallet.recent.nodes).toHaveLength(2);
    expect(entity!.wallet.old.nodes).toHaveLength(1);
  });
});
