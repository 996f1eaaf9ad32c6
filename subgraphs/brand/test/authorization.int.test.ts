import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import type { ViewerContext } from '@gametriggers/federation';
import { brandSubgraph } from '../src/index';
import { brandInput } from './factories';

type Viewer = ViewerContext['viewer'];

const PRIVATE = `contact { email phone } billing { taxId address { line1 } } marketingPreferences { contentCategories }`;

let subgraph: TestSubgraph;
let brandId: string;
let owner: Viewer;
let otherBrand: Viewer;
const streamer: Viewer = {
  kind: 'STREAMER',
  accountId: '01930000-0000-7000-8000-00000000f003',
  entityId: '01930000-0000-7000-8000-00000000a0f3',
  scopes: [],
};

beforeAll(async () => {
  subgraph = await startTestSubgraph(brandSubgraph, { viewer: testAdmin });
  const created = await subgraph.query(`mutation($input: CreateBrandInput!) { createBrand(input: $input) { id } }`, {
    input: brandInput({ companyName: 'Private Parts Inc' }),
  });
  brandId = created.data!['createBrand'].id;
  owner = { kind: 'BRAND', accountId: '01930000-0000-7000-8000-00000000f001', entityId: brandId, scopes: [] };
  otherBrand = {
    kind: 'BRAND',
    accountId: '01930000-0000-7000-8000-00000000f002',
    entityId: '01930000-0000-7000-8000-00000000b0f2',
    scopes: [],
  };
});
afterAll(async () => {
  await subgraph?.stop();
});

const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.map((error) => error.extensions!['code']);

describe('who sees a brand', () => {
  it('shows the public profile to everyone, the private fields to the brand itself and admins only', async () => {
    const query = `query($id: ID!) { brand(id: $id) { companyName industry website ${PRIVATE} } }`;
    for (const [viewer, code] of [
      [undefined, 'UNAUTHENTICATED'],
      [otherBrand, 'FORBIDDEN'],
      [streamer, 'FORBIDDEN'],
    ] as const) {
      const result = await subgraph.query(query, { id: brandId }, viewer ?? { kind: 'ANONYMOUS', scopes: [] });
      expect(result.data!['brand']).toEqual({
        companyName: 'Private Parts Inc',
        industry: 'beverages',
        website: 'https://voltage.example',
        contact: null,
        billing: null,
        marketingPreferences: null,
      });
      expect(new Set(codes(result))).toEqual(new Set([code]));
      // Refusals name neither the rule nor the value.
      expect(JSON.stringify(result.errors)).not.toMatch(/dana@voltage|US-12-3456789|1 Market St/);
    }
    for (const viewer of [owner, testAdmin]) {
      const result = await subgraph.query(query, { id: brandId }, viewer);
      expect(result.errors).toBeUndefined();
      expect(result.data!['brand'].contact.email).toBe('dana@voltage.example');
      expect(result.data!['brand'].billing.taxId).toBe('US-12-3456789');
    }
  });

  it('lists brands to everyone, with the private fields of the viewer’s own brand only', async () => {
    const result = await subgraph.query(`{ brands(first: 100) { nodes { id companyName contact { email } } } }`, {}, owner);
    const nodes = result.data!['brands'].nodes as { id: string; contact: { email: string } | null }[];
    expect(nodes.find((node) => node.id === brandId)!.contact).toEqual({ email: 'dana@voltage.example' });
    const anonymous = await subgraph.query(
      `{ brands(first: 100) { nodes { id companyName contact { email } } } }`,
      {},
      { kind: 'ANONYMOUS', scopes: [] },
    );
    expect((anonymous.data!['brands'].nodes as { contact: unknown }[]).every((node) => node.contact === null)).toBe(true);
  });

  it('guards the private fields on entity references (_entities) too', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Brand { companyName contact { email } } } }`;
    const refused = await subgraph.query(query, { r: [{ __typename: 'Brand', id: brandId }] }, otherBrand);
    expect(refused.data!['_entities']).toEqual([{ companyName: 'Private Parts Inc', contact: null }]);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    const allowed = await subgraph.query(query, { r: [{ __typename: 'Brand', id: brandId }] }, owner);
    expect(allowed.data!['_entities']).toEqual([{ companyName: 'Private Parts Inc', contact: { email: 'dana@voltage.example' } }]);
  });
});

describe('who changes a brand', () => {
  const CREATE = `mutation($input: CreateBrandInput!) { createBrand(input: $input) { id } }`;
  const UPDATE = `mutation($id: ID!, $input: UpdateBrandInput!) { updateBrand(id: $id, input: $input) { companyName } }`;

  it('creates brands for admins only (brands sign up through identity)', async () => {
    expect(codes(await subgraph.query(CREATE, { input: brandInput() }, { kind: 'ANONYMOUS', scopes: [] }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await subgraph.query(CREATE, { input: brandInput() }, otherBrand))).toEqual(['FORBIDDEN']);
    expect(codes(await subgraph.query(CREATE, { input: brandInput() }, streamer))).toEqual(['FORBIDDEN']);
    expect((await subgraph.query(CREATE, { input: brandInput() }, testAdmin)).errors).toBeUndefined();
  });

  it('updates a brand for the brand itself and admins, and changes nothing for anyone else', async () => {
    expect(codes(await subgraph.query(UPDATE, { id: brandId, input: { companyName: 'X' } }, { kind: 'ANONYMOUS', scopes: [] }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(codes(await subgraph.query(UPDATE, { id: brandId, input: { companyName: 'X' } }, otherBrand))).toEqual(['FORBIDDEN']);
    expect(codes(await subgraph.query(UPDATE, { id: brandId, input: { companyName: 'X' } }, streamer))).toEqual(['FORBIDDEN']);
    const read = await subgraph.query(`query($id: ID!) { brand(id: $id) { companyName } }`, { id: brandId });
    expect(read.data!['brand'].companyName).toBe('Private Parts Inc');

    const byOwner = await subgraph.query(UPDATE, { id: brandId, input: { companyName: 'Private Parts Ltd' } }, owner);
    expect(byOwner.data!['updateBrand']).toEqual({ companyName: 'Private Parts Ltd' });
    const byAdmin = await subgraph.query(UPDATE, { id: brandId, input: { companyName: 'Private Parts Inc' } }, testAdmin);
    expect(byAdmin.data!['updateBrand']).toEqual({ companyName: 'Private Parts Inc' });
  });
});
