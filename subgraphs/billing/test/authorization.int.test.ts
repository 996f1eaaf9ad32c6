import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import type { ViewerContext } from '@gametriggers/federation';
import { billingSubgraph } from '../src/index';
import { ADD_LINE, CREATE, ISSUE, PAY, REMOVE_LINE, VOID, draft, invoiceInput, lineInput, newId } from './factories';

type Viewer = ViewerContext['viewer'];

const anonymous: Viewer = { kind: 'ANONYMOUS', scopes: [] };
const brandId = newId();
const owner: Viewer = { kind: 'BRAND', accountId: newId(), entityId: brandId, scopes: [] };
const otherBrand: Viewer = { kind: 'BRAND', accountId: newId(), entityId: newId(), scopes: [] };
const streamer: Viewer = { kind: 'STREAMER', accountId: newId(), entityId: newId(), scopes: [] };
const service: Viewer = { kind: 'SERVICE', service: 'campaign', scopes: [] };

let subgraph: TestSubgraph;
let invoiceId: string;
let otherInvoiceId: string;

beforeAll(async () => {
  subgraph = await startTestSubgraph(billingSubgraph, { viewer: testAdmin });
  invoiceId = (await draft(subgraph, { brandId })).id;
  otherInvoiceId = (await draft(subgraph, { brandId: otherBrand.entityId })).id;
});
afterAll(async () => {
  await subgraph?.stop();
});

const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.map((error) => error.extensions!['code']);

describe('who reads invoices', () => {
  const INVOICE = `query($id: ID!) { invoice(id: $id) { id total { amount } billingAddress { taxId } } }`;

  it('shows an invoice to the billed brand and admins; to anyone else it does not exist', async () => {
    for (const viewer of [owner, testAdmin]) {
      const result = await subgraph.query(INVOICE, { id: invoiceId }, viewer);
      expect(result.errors).toBeUndefined();
      expect(result.data!['invoice'].id).toBe(invoiceId);
    }
    for (const [viewer, code] of [
      [anonymous, 'UNAUTHENTICATED'],
      [otherBrand, 'NOT_FOUND'],
      [streamer, 'FORBIDDEN'],
    ] as const) {
      const result = await subgraph.query(INVOICE, { id: invoiceId }, viewer);
      expect(result.data!['invoice']).toBeNull();
      expect(codes(result)).toEqual([code]);
      expect(JSON.stringify(result.errors)).not.toContain('US-12-3456789');
    }
  });

  it("lists a brand's own invoices only, all of them to admins", async () => {
    const LIST = `query($brandId: ID) { invoices(first: 100, brandId: $brandId) { nodes { id brandId } } }`;
    const own = await subgraph.query(LIST, {}, owner);
    expect(own.data!['invoices'].nodes).toEqual([{ id: invoiceId, brandId }]);
    const ownById = await subgraph.query(LIST, { brandId }, owner);
    expect(ownById.data!['invoices'].nodes).toEqual([{ id: invoiceId, brandId }]);
    expect(codes(await subgraph.query(LIST, { brandId: otherBrand.entityId }, owner))).toEqual(['FORBIDDEN']);
    expect(codes(await subgraph.query(LIST, {}, streamer))).toEqual(['FORBIDDEN']);
    expect(codes(await subgraph.query(LIST, {}, anonymous))).toEqual(['UNAUTHENTICATED']);
    const all = await subgraph.query(LIST, {}, testAdmin);
    expect((all.data!['invoices'].nodes as { id: string }[]).map((node) => node.id)).toEqual(
      expect.arrayContaining([invoiceId, otherInvoiceId]),
    );
  });

  it('guards Brand.invoices and Invoice references (_entities) the same way', async () => {
    const BRAND = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Brand { id invoices { nodes { id } } } } }`;
    const refused = await subgraph.query(BRAND, { r: [{ __typename: 'Brand', id: brandId }] }, otherBrand);
    expect(refused.data!['_entities']).toEqual([{ id: brandId, invoices: null }]);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    const anon = await subgraph.query(BRAND, { r: [{ __typename: 'Brand', id: brandId }] }, anonymous);
    expect(codes(anon)).toEqual(['UNAUTHENTICATED']);
    const allowed = await subgraph.query(BRAND, { r: [{ __typename: 'Brand', id: brandId }] }, owner);
    expect(allowed.data!['_entities']).toEqual([{ id: brandId, invoices: { nodes: [{ id: invoiceId }] } }]);

    const INVOICE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { id total { amount } } } }`;
    const leak = await subgraph.query(INVOICE, { r: [{ __typename: 'Invoice', id: invoiceId }] }, otherBrand);
    expect(leak.data!['_entities']).toEqual([null]);
    expect(codes(leak)).toEqual(['NOT_FOUND']);
    const mine = await subgraph.query(INVOICE, { r: [{ __typename: 'Invoice', id: invoiceId }] }, owner);
    expect(mine.data!['_entities']).toEqual([{ id: invoiceId, total: { amount: expect.any(String) } }]);
  });
});

describe('who changes invoices', () => {
  it('allows every invoice mutation to admins and services only, even on the brand’s own invoice', async () => {
    const target = (await draft(subgraph, { brandId })).id;
    const lineId = (await subgraph.query(`query($id: ID!) { invoice(id: $id) { lines { id } } }`, { id: target })).data!['invoice'].lines[0]
      .id;
    const mutations: [string, Record<string, unknown>][] = [
      [CREATE, { input: invoiceInput({ brandId }) }],
      [ADD_LINE, { id: target, line: lineInput() }],
      [REMOVE_LINE, { id: target, lineId }],
      [ISSUE, { id: target }],
      [PAY, { id: target }],
      [VOID, { id: target, reason: 'test' }],
    ];
    for (const [query, variables] of mutations) {
      expect(codes(await subgraph.query(query, variables, anonymous)), query).toEqual(['UNAUTHENTICATED']);
      for (const viewer of [owner, otherBrand, streamer])
        expect(codes(await subgraph.query(query, variables, viewer)), query).toEqual(['FORBIDDEN']);
    }
    expect((await subgraph.query(CREATE, { input: invoiceInput({ brandId }) }, service)).errors).toBeUndefined();
    expect((await subgraph.query(ADD_LINE, { id: target, line: lineInput() }, testAdmin)).errors).toBeUndefined();
    expect((await subgraph.query(ISSUE, { id: target }, service)).errors).toBeUndefined();
  });
});
