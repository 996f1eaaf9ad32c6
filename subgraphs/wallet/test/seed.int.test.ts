import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '@gametriggers/prisma-tools';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { walletSubgraph } from '../src/index';
import { walletsOf } from './factories';
import { walletWithoutJobs } from './factories';
import { ADMIN, actingAs } from './factories';

let subgraph: TestSubgraph;
let db: Db;
beforeAll(async () => {
  subgraph = actingAs(await startTestSubgraph(walletWithoutJobs), ADMIN);
  db = createDb(subgraph.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await subgraph?.stop();
});

const { brands, streamers } = demoIds;
const FIELDS = `balances { currency available { amount } held { amount } total { amount } } transactions(first: 100) { nodes { kind } }`;

async function demoWallets() {
  return walletsOf(
    subgraph,
    [
      { __typename: 'Brand', id: brands.voltage },
      { __typename: 'Brand', id: brands.pixelforge },
      { __typename: 'Brand', id: brands.nordwind },
      { __typename: 'Streamer', id: streamers.kiraplays },
      { __typename: 'Streamer', id: streamers.gridlock },
    ],
    FIELDS,
  );
}

describe('demo seed', () => {
  it('loads demo money through the ledger, and a second run changes nothing', async () => {
    await walletSubgraph.seedDemo!(db);
    const first = await demoWallets();
    await walletSubgraph.seedDemo!(db);
    expect(await demoWallets()).toEqual(first);

    const [voltage, pixelforge, nordwind, kira, gridlock] = first.map((entity) => entity.wallet);
    // 50,000 deposited, 20,000 held, of which 1,500 + 900 paid out as earnings.
    expect(voltage.balances).toEqual([
      { currency: 'USD', available: { amount: '30000.00' }, held: { amount: '17600.00' }, total: { amount: '47600.00' } },
    ]);
    expect(voltage.transactions.nodes.map((node: { kind: string }) => node.kind)).toEqual(['EARNINGS', 'EARNINGS', 'HOLD', 'DEPOSIT']);
    expect(pixelforge.balances[0]).toMatchObject({ currency: 'EUR', total: { amount: '78800.00' } });
    expect(nordwind.balances[0]).toMatchObject({ currency: 'GBP', total: { amount: '29400.00' } });
    // Earnings less the 10 % platform fee.
    expect(kira.balances).toEqual([
      { currency: 'USD', available: { amount: '1350.00' }, held: { amount: '0.00' }, total: { amount: '1350.00' } },
    ]);
    expect(gridlock.balances[0]).toMatchObject({ available: { amount: '810.00' } });

    // Platform fees are spread over shards: their sum per currency is the platform's revenue.
    const fees = await db.ledgerAccount.groupBy({
      by: ['currency'],
      where: { kind: 'PLATFORM_FEES' },
      _sum: { balanceMinor: true },
      orderBy: { currency: 'asc' },
    });
    expect(fees.map((account) => [account.currency, account._sum.balanceMinor])).toEqual([
      ['EUR', 12000n],
      ['GBP', 6000n],
      ['USD', 24000n],
    ]);
    expect(await db.ledgerTransaction.count()).toBe(10);
  });
});
