import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { brandSubgraph } from '../src/index';
import { brandInput } from './factories';

const BRAND_FIELDS = `
  id companyName industry website
  contact { name email phone }
  billing { taxId address { line1 city region postalCode country } }
  marketingPreferences {
    demographics { countries languages ageRanges }
    contentCategories
    budgetRange { min { amount amountMinor currency } max { amount amountMinor currency } }
  }`;

const CREATE = `mutation Create($input: CreateBrandInput!) { createBrand(input: $input) { ${BRAND_FIELDS} } }`;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(brandSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

describe('brand subgraph', () => {
  it('creates a brand and reads it back with exact money', async () => {
    const created = await subgraph.query(CREATE, { input: brandInput() });
    expect(created.errors).toBeUndefined();
    const brand = created.data!['createBrand'];
    expect(brand.contact.email).toBe('dana@voltage.example');
    expect(brand.marketingPreferences.budgetRange.max).toEqual({ amount: '25000.50', amountMinor: 2500050, currency: 'USD' });

    const read = await subgraph.query(`query($id: ID!) { brand(id: $id) { ${BRAND_FIELDS} } }`, { id: brand.id });
    expect(read.data!['brand']).toEqual(brand);
  });

  it('rejects invalid input naming the field, and writes nothing', async () => {
    const before = await subgraph.query(`{ brands(first: 100) { nodes { id } } }`);
    const bad = await subgraph.query(CREATE, {
      input: brandInput({ contact: { name: 'X', email: 'not-an-email' } }),
    });
    expect(bad.data).toBeNull();
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contact.email' });

    const badMoney = await subgraph.query(CREATE, {
      input: brandInput({
        marketingPreferences: { budgetRange: { min: { amount: '10.001', currency: 'USD' }, max: { amount: '20', currency: 'USD' } } },
      }),
    });
    expect(badMoney.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.marketingPreferences.budgetRange.min.amount',
    });
    const after = await subgraph.query(`{ brands(first: 100) { nodes { id } } }`);
    expect(after.data!['brands'].nodes).toHaveLength(before.data!['brands'].nodes.length);
  });

  it('updates only the given fields', async () => {
    const { data } = await subgraph.query(CREATE, { input: brandInput({ companyName: 'Before' }) });
    const id = data!['createBrand'].id;
    const updated = await subgraph.query(
      `mutation($id: ID!, $input: UpdateBrandInput!) { updateBrand(id: $id, input: $input) { companyName industry } }`,
      { id, input: { companyName: 'After' } },
    );
    expect(updated.data!['updateBrand']).toEqual({ companyName: 'After', industry: 'beverages' });
  });

  it('answers NOT_FOUND for an unknown id, not a server error', async () => {
    const missing = '0190a000-0000-7000-8000-000000000000';
    const read = await subgraph.query(`query($id: ID!) { brand(id: $id) { id } }`, { id: missing });
    expect(read.data!['brand']).toBeNull();
    expect(read.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const update = await subgraph.query(`mutation($id: ID!) { updateBrand(id: $id, input: { companyName: "x" }) { id } }`, {
      id: missing,
    });
    expect(update.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages through brands with cursors, newest first, without overlap', async () => {
    for (let i = 0; i < 5; i += 1) await subgraph.query(CREATE, { input: brandInput({ companyName: `Paged ${i}`, industry: 'paging' }) });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await subgraph.query(
        `query($after: String) { brands(first: 2, after: $after, industry: "paging") { nodes { companyName } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      seen.push(...page.data.brands.nodes.map((node: { companyName: string }) => node.companyName));
      after = page.data.brands.pageInfo.hasNextPage ? page.data.brands.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(['Paged 4', 'Paged 3', 'Paged 2', 'Paged 1', 'Paged 0']);

    const badCursor = await subgraph.query(`{ brands(after: "nonsense") { nodes { id } } }`);
    expect(badCursor.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('resolves entity references in one batch', async () => {
    const a = (await subgraph.query(CREATE, { input: brandInput({ companyName: 'Ref A' }) })).data!['createBrand'].id;
    const b = (await subgraph.query(CREATE, { input: brandInput({ companyName: 'Ref B' }) })).data!['createBrand'].id;
    const result = await subgraph.query(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Brand { id companyName } } }`,
      {
        representations: [
          { __typename: 'Brand', id: b },
          { __typename: 'Brand', id: a },
        ],
      },
    );
    expect(result.data!['_entities']).toEqual([
      { id: b, companyName: 'Ref B' },
      { id: a, companyName: 'Ref A' },
    ]);
  });
});
