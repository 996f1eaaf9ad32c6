import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '@gametriggers/prisma-tools';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { billingSubgraph } from '../src/index';

let subgraph: TestSubgraph;
let db: Db;
beforeAll(async () => {
  subgraph = await startTestSubgraph(billingSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await subgraph?.stop();
});

const { brands, campaigns } = demoIds;

async function demoInvoices() {
  const result = await subgraph.query(
    `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Brand { id
       invoices { nodes { number status currency total { amount } lines { campaign { id } } billingAddress { name country } } } } } }`,
    { representations: [brands.voltage, brands.pixelforge, brands.nordwind].map((id) => ({ __typename: 'Brand', id })) },
  );
  expect(result.errors).toBeUndefined();
  return result.data!['_entities'].map((brand: any) => brand.invoices.nodes);
}

describe('demo seed', () => {
  it('creates invoices in every status for the demo brands, and a second run changes nothing', async () => {
    await billingSubgraph.seedDemo!(db);
    const first = await demoInvoices();
    await billingSubgraph.seedDemo!(db);
    expect(await demoInvoices()).toEqual(first);

    const year = new Date().getUTCFullYear();
    const [voltage, pixelforge, nordwind] = first;
    expect(voltage.map((invoice: any) => [invoice.status, invoice.number, invoice.total.amount])).toEqual([
      ['DRAFT', null, '1299.00'], // 1200.00 + 8.25 %
      ['PAID', `INV-${year}-000001`, '4654.75'], // 4300.00 + 8.25 % = 354.75
    ]);
    expect(voltage[1].lines).toEqual([{ campaign: { id: campaigns.voltageSummer } }, { campaign: { id: campaigns.voltageSummer } }]);
    expect(pixelforge).toEqual([
      {
        number: `INV-${year}-000002`,
        status: 'ISSUED',
        currency: 'EUR',
        total: { amount: '4900.50' }, // 4050.00 + 21 %
        lines: [{ campaign: { id: campaigns.pixelforgeLaunch } }, { campaign: { id: campaigns.pixelforgeLaunch } }],
        billingAddress: { name: 'PixelForge Hardware', country: 'NL' },
      },
    ]);
    expect(nordwind.map((invoice: any) => [invoice.status, invoice.total.amount])).toEqual([['DRAFT', '3000.00']]);
  });
});
