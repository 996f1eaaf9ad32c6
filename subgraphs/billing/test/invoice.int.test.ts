import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { billingSubgraph } from '../src/index';
import {
  ADD_LINE,
  CREATE,
  INVOICE_FIELDS,
  ISSUE,
  PAY,
  REMOVE_LINE,
  VOID,
  draft,
  invoiceCount,
  invoiceInput,
  issued,
  lineInput,
  newId,
  ok,
} from './factories';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(billingSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

const usd = (amount: string, quantity = 1) => lineInput({ quantity, unitPrice: { amount, currency: 'USD' } });

describe('invoice amounts', () => {
  it('computes line amounts, subtotal, tax (half up) and total exactly', async () => {
    const cases: { lines: object[]; rate: number; currency?: string; expected: [string, string, string] }[] = [
      { lines: [usd('19.99', 3), usd('0.05')], rate: 825, expected: ['60.02', '4.95', '64.97'] }, // 4.95165 rounds down
      { lines: [usd('10.10')], rate: 500, expected: ['10.10', '0.51', '10.61'] }, // 0.505 exactly: half goes up
      { lines: [usd('10.09')], rate: 500, expected: ['10.09', '0.50', '10.59'] }, // 0.5045 rounds down
      { lines: [usd('0.01')], rate: 5000, expected: ['0.01', '0.01', '0.02'] }, // half a cent goes up
      { lines: [usd('0.01')], rate: 4999, expected: ['0.01', '0.00', '0.01'] },
      { lines: [usd('123.45', 7)], rate: 10000, expected: ['864.15', '864.15', '1728.30'] },
      { lines: [usd('0.10', 3)], rate: 0, expected: ['0.30', '0.00', '0.30'] }, // 0.1 x 3 is exactly 0.30, not 0.30000000000000004
      { lines: [], rate: 2000, expected: ['0.00', '0.00', '0.00'] },
      { lines: [usd('9999.99', 1_000_000)], rate: 1999, expected: ['9999990000.00', '1998998001.00', '11998988001.00'] },
      {
        lines: [lineInput({ quantity: 3, unitPrice: { amount: '333', currency: 'JPY' } })],
        rate: 1000,
        currency: 'JPY',
        expected: ['999', '100', '1099'], // 99.9 yen rounds to 100
      },
    ];
    for (const { lines, rate, currency, expected } of cases) {
      const invoice = await draft(subgraph, { lines, taxRateBasisPoints: rate, currency: currency ?? 'USD' });
      expect([invoice.subtotal.amount, invoice.tax.amount, invoice.total.amount], JSON.stringify({ lines, rate })).toEqual(expected);
    }
    const invoice = await draft(subgraph, { lines: [usd('19.99', 3), usd('0.05')] });
    expect(invoice.lines.map((line: any) => [line.quantity, line.unitPrice.amount, line.amount.amount, line.amount.amountMinor])).toEqual([
      [3, '19.99', '59.97', 5997],
      [1, '0.05', '0.05', 5],
    ]);
  });

  it('keeps totals right as lines are added and removed on a draft', async () => {
    const invoice = await draft(subgraph, { lines: [usd('100.00')], taxRateBasisPoints: 1950 });
    const added = await ok(subgraph, ADD_LINE, { id: invoice.id, line: usd('0.03', 5) });
    expect(added.lines.map((line: any) => line.amount.amount)).toEqual(['100.00', '0.15']);
    expect([added.subtotal.amount, added.tax.amount, added.total.amount]).toEqual(['100.15', '19.53', '119.68']); // 19.52925
    const removed = await ok(subgraph, REMOVE_LINE, { id: invoice.id, lineId: added.lines[0].id });
    expect(removed.lines.map((line: any) => line.description)).toEqual(['Sponsored stream hour']);
    expect([removed.subtotal.amount, removed.tax.amount, removed.total.amount]).toEqual(['0.15', '0.03', '0.18']); // 0.029250
    const readBack = await ok(subgraph, `query($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} } }`, { id: invoice.id });
    expect(readBack).toEqual(removed);
  });
});

describe('validation', () => {
  it('names the offending field of a bad line and creates nothing', async () => {
    const before = await invoiceCount(subgraph);
    const cases: [Record<string, unknown>, string][] = [
      [{ lines: [usd('1.00'), lineInput({ quantity: 0 }), usd('2.00')] }, 'input.lines.1.quantity'],
      [{ lines: [usd('1.00'), usd('2.00'), lineInput({ description: '' })] }, 'input.lines.2.description'],
      [{ lines: [usd('1.00'), lineInput({ unitPrice: { amount: '1.00', currency: 'EUR' } })] }, 'input.lines.1.unitPrice.currency'],
      [{ lines: [usd('1.001')] }, 'input.lines.0.unitPrice.amount'],
      [{ lines: [usd('-1.00')] }, 'input.lines.0.unitPrice.amount'],
      [{ lines: [usd('1.00'), lineInput({ campaignId: 'campaign-1' })] }, 'input.lines.1.campaignId'],
      [{ lines: [usd('1000000.01', 1_000_000)] }, 'input.lines.0.unitPrice.amount'],
      [{ lines: Array.from({ length: 101 }, () => usd('1.00')) }, 'input.lines'],
      [{ taxRateBasisPoints: 10001 }, 'input.taxRateBasisPoints'],
      [{ taxRateBasisPoints: -1 }, 'input.taxRateBasisPoints'],
      [{ dueInDays: 366 }, 'input.dueInDays'],
      [{ currency: 'usd' }, 'input.currency'],
      [{ currency: 'XTS' }, 'input.currency'],
      [{ brandId: 'voltage' }, 'input.brandId'],
      [{ billingAddress: { name: 'X', line1: 'Y', city: 'Z', postalCode: '1', country: 'USA' } }, 'input.billingAddress.country'],
    ];
    for (const [overrides, field] of cases) {
      const result = await subgraph.query(CREATE, { input: invoiceInput(overrides) });
      expect(result.data, field).toBeNull();
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await invoiceCount(subgraph)).toBe(before);
  });

  it('validates added lines against the invoice and leaves it unchanged', async () => {
    const invoice = await draft(subgraph, { currency: 'EUR', lines: [lineInput({ unitPrice: { amount: '5.00', currency: 'EUR' } })] });
    const zero = await subgraph.query(ADD_LINE, {
      id: invoice.id,
      line: lineInput({ quantity: 0, unitPrice: { amount: '1.00', currency: 'EUR' } }),
    });
    expect(zero.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'line.quantity' });
    const currency = await subgraph.query(ADD_LINE, { id: invoice.id, line: usd('1.00') });
    expect(currency.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'line.unitPrice.currency' });
    const reason = await subgraph.query(VOID, { id: invoice.id, reason: '   ' });
    expect(reason.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const after = await ok(subgraph, `query($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} } }`, { id: invoice.id });
    expect(after).toEqual(invoice);
  });
});

describe('status transitions', () => {
  const illegal = async (query: string, variables: Record<string, unknown>) => {
    const result = await subgraph.query(query, variables);
    expect(result.data, query).toBeNull();
    expect(result.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  };

  it('DRAFT: can be issued (with a line) or voided, not paid', async () => {
    const empty = await draft(subgraph, { lines: [] });
    await illegal(ISSUE, { id: empty.id }); // needs a line
    await illegal(PAY, { id: empty.id });
    const voided = await ok(subgraph, VOID, { id: empty.id, reason: 'Created by mistake' });
    expect(voided).toMatchObject({ status: 'VOID', voidReason: 'Created by mistake', number: null });
    expect(voided.voidedAt).toEqual(expect.any(String));

    const invoice = await draft(subgraph, { dueInDays: 14 });
    expect(invoice).toMatchObject({ status: 'DRAFT', number: null, issuedAt: null, dueAt: null });
    const result = await ok(subgraph, ISSUE, { id: invoice.id });
    expect(result.status).toBe('ISSUED');
    expect(result.number).toMatch(new RegExp(`^INV-${new Date().getUTCFullYear()}-\\d{6}$`));
    expect(Date.parse(result.dueAt) - Date.parse(result.issuedAt)).toBe(14 * 24 * 60 * 60 * 1000);
  });

  it('ISSUED: can be paid or voided; its lines and number are fixed', async () => {
    const invoice = await issued(subgraph);
    await illegal(ISSUE, { id: invoice.id });
    await illegal(ADD_LINE, { id: invoice.id, line: usd('1.00') });
    await illegal(REMOVE_LINE, { id: invoice.id, lineId: invoice.lines[0].id });
    const paidAt = new Date(Date.now() + 1000).toISOString();
    const paid = await ok(subgraph, PAY, { id: invoice.id, paidAt });
    expect(paid).toMatchObject({ status: 'PAID', paidAt, number: invoice.number });

    const other = await issued(subgraph);
    const voided = await ok(subgraph, VOID, { id: other.id, reason: 'Campaign cancelled' });
    expect(voided).toMatchObject({ status: 'VOID', number: other.number });
  });

  it('PAID and VOID are final', async () => {
    const paid = await issued(subgraph);
    await ok(subgraph, PAY, { id: paid.id });
    const voided = await draft(subgraph);
    await ok(subgraph, VOID, { id: voided.id, reason: 'Duplicate' });
    for (const id of [paid.id, voided.id]) {
      await illegal(ISSUE, { id });
      await illegal(PAY, { id });
      await illegal(VOID, { id, reason: 'again' });
      await illegal(ADD_LINE, { id, line: usd('1.00') });
    }
    const read = await ok(subgraph, `query($id: ID!) { invoice(id: $id) { status } }`, { id: paid.id });
    expect(read.status).toBe('PAID');
  });

  it('an issued invoice past its due date is OVERDUE, and can still be paid or voided', async () => {
    const late = await issued(subgraph, { dueInDays: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const read = await ok(subgraph, `query($id: ID!) { invoice(id: $id) { status } }`, { id: late.id });
    expect(read.status).toBe('OVERDUE');
    const overdue = await ok(subgraph, `query($brandId: ID!) { invoices(status: OVERDUE, brandId: $brandId) { nodes { id } } }`, {
      brandId: late.brandId,
    });
    expect(overdue.nodes).toEqual([{ id: late.id }]);
    const issuedOnly = await ok(subgraph, `query($brandId: ID!) { invoices(status: ISSUED, brandId: $brandId) { nodes { id } } }`, {
      brandId: late.brandId,
    });
    expect(issuedOnly.nodes).toEqual([]);
    await illegal(ISSUE, { id: late.id });
    expect((await ok(subgraph, PAY, { id: late.id })).status).toBe('PAID');

    const lateToo = await issued(subgraph, { dueInDays: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await ok(subgraph, VOID, { id: lateToo.id, reason: 'Written off' })).status).toBe('VOID');
  });

  it('refuses a payment date in the future or before the issue', async () => {
    const invoice = await issued(subgraph);
    const future = await subgraph.query(PAY, { id: invoice.id, paidAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'paidAt' });
    const early = await subgraph.query(PAY, { id: invoice.id, paidAt: new Date(Date.parse(invoice.issuedAt) - 60_000).toISOString() });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'paidAt' });
    const read = await ok(subgraph, `query($id: ID!) { invoice(id: $id) { status paidAt } }`, { id: invoice.id });
    expect(read).toEqual({ status: 'ISSUED', paidAt: null });
  });

  it('lets exactly one of concurrent conflicting transitions win', async () => {
    const invoice = await issued(subgraph);
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => subgraph.query(PAY, { id: invoice.id })),
      ...Array.from({ length: 5 }, () => subgraph.query(VOID, { id: invoice.id, reason: 'race' })),
    ]);
    const winners = results.filter((result) => !result.errors);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((result) => result.errors))
      expect(loser.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const winner = Object.values(winners[0]!.data!)[0] as { status: string };
    const read = await ok(subgraph, `query($id: ID!) { invoice(id: $id) { status paidAt voidedAt } }`, { id: invoice.id });
    expect(read.status).toBe(winner.status);
    expect(read.paidAt === null || read.voidedAt === null).toBe(true);
  });
});

describe('lookups, lists and federation', () => {
  it('answers NOT_FOUND for unknown invoices and lines', async () => {
    for (const id of [newId(), 'not-a-uuid']) {
      const read = await subgraph.query(`query($id: ID!) { invoice(id: $id) { id } }`, { id });
      expect(read.data!['invoice']).toBeNull();
      expect(read.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
      for (const [query, variables] of [
        [ISSUE, { id }],
        [PAY, { id }],
        [VOID, { id, reason: 'x' }],
        [ADD_LINE, { id, line: usd('1.00') }],
        [REMOVE_LINE, { id, lineId: newId() }],
      ] as const) {
        const result = await subgraph.query(query, variables);
        expect(result.errors?.[0]?.extensions, query).toMatchObject({ code: 'NOT_FOUND' });
      }
    }
    const invoice = await draft(subgraph);
    for (const lineId of [newId(), 'nope']) {
      const result = await subgraph.query(REMOVE_LINE, { id: invoice.id, lineId });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', typename: 'InvoiceLine' });
    }
  });

  it('pages through invoices with cursors, newest first, filtered by brand and status', async () => {
    const brandId = newId();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await draft(subgraph, { brandId, lines: [usd(`${i + 1}.00`)] })).id);
    await ok(subgraph, ISSUE, { id: ids[1] });
    await ok(subgraph, ISSUE, { id: ids[3] });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await ok(
        subgraph,
        `query($brandId: ID, $after: String) { invoices(first: 2, after: $after, brandId: $brandId) { nodes { id } pageInfo { endCursor hasNextPage } } }`,
        { brandId, after },
      );
      seen.push(...page.nodes.map((node: { id: string }) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([...ids].reverse());
    const drafts = await ok(subgraph, `query($brandId: ID) { invoices(brandId: $brandId, status: DRAFT) { nodes { id } } }`, { brandId });
    expect(drafts.nodes).toEqual([ids[4], ids[2], ids[0]].map((id) => ({ id })));

    const badCursor = await subgraph.query(`{ invoices(after: "nonsense") { nodes { id } } }`);
    expect(badCursor.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const badBrand = await subgraph.query(`{ invoices(brandId: "voltage") { nodes { id } } }`);
    expect(badBrand.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'brandId' });
    const badSize = await subgraph.query(`{ invoices(first: 101) { nodes { id } } }`);
    expect(badSize.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('resolves Invoice entities with their brand and campaign references', async () => {
    const campaignId = newId();
    const a = await draft(subgraph, { lines: [lineInput({ campaignId }), usd('1.00')] });
    const b = await issued(subgraph);
    const result = await subgraph.query(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
         ... on Invoice { id status brand { id } lines { campaign { id } } } } }`,
      { representations: [b.id, newId(), a.id].map((id) => ({ __typename: 'Invoice', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!['_entities']).toEqual([
      { id: b.id, status: 'ISSUED', brand: { id: b.brandId }, lines: [{ campaign: null }] },
      null,
      { id: a.id, status: 'DRAFT', brand: { id: a.brandId }, lines: [{ campaign: { id: campaignId } }, { campaign: null }] },
    ]);
  });

  it('resolves Brand.invoices for several brands in one request, paged and filtered per brand', async () => {
    const [x, y, none] = [newId(), newId(), newId()];
    const xIds = [];
    for (let i = 0; i < 3; i += 1) xIds.push((await draft(subgraph, { brandId: x })).id);
    const yIssued = await issued(subgraph, { brandId: y });
    const yDraft = await draft(subgraph, { brandId: y });
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Brand { id
        latest: invoices(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } }
        issued: invoices(status: ISSUED) { nodes { id number } } } } }`;
    const result = await subgraph.query(query, { representations: [y, x, none, 'not-a-uuid'].map((id) => ({ __typename: 'Brand', id })) });
    expect(result.errors).toBeUndefined();
    const [yBrand, xBrand, noneBrand, badBrand] = result.data!['_entities'];
    expect(yBrand.latest.nodes).toEqual([{ id: yDraft.id }, { id: yIssued.id }]);
    expect(yBrand.issued.nodes).toEqual([{ id: yIssued.id, number: yIssued.number }]);
    expect(xBrand.latest).toMatchObject({ nodes: [{ id: xIds[2] }, { id: xIds[1] }], pageInfo: { hasNextPage: true } });
    expect(xBrand.issued.nodes).toEqual([]);
    expect(noneBrand).toEqual({
      id: none,
      latest: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } },
      issued: { nodes: [] },
    });
    expect(badBrand.latest.nodes).toEqual([]);

    const next = await subgraph.query(
      `query($representations: [_Any!]!, $after: String) { _entities(representations: $representations) { ... on Brand { invoices(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage } } } } }`,
      { representations: [{ __typename: 'Brand', id: x }], after: xBrand.latest.pageInfo.endCursor },
    );
    expect(next.data!['_entities'][0].invoices).toEqual({ nodes: [{ id: xIds[0] }], pageInfo: { hasNextPage: false } });
  });
});
