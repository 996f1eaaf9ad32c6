import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrandProfileChanged } from '@gametriggers/events';
import type { EventData } from '@gametriggers/events';
import { demoIds } from '@gametriggers/prisma-tools';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import { brandSubgraph } from '../src/index';
import { seedDemo } from '../src/seed';
import { brandInput } from './factories';

type Profile = EventData<typeof BrandProfileChanged>;

const CREATE = `mutation($input: CreateBrandInput!) { createBrand(input: $input) { id industry } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateBrandInput!) { updateBrand(id: $id, input: $input) { id industry } }`;
const MISSING = '0190a000-0000-7000-8000-000000000000';

let subgraph: TestSubgraph;
let sql: pg.Client;
beforeAll(async () => {
  subgraph = await startTestSubgraph(brandSubgraph, { viewer: testAdmin });
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await subgraph?.stop();
});

async function ok(query: string, variables: Record<string, unknown>) {
  const result = await subgraph.query(query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
async function refused(query: string, variables: Record<string, unknown>, code: string) {
  const result = await subgraph.query(query, variables);
  expect(result.errors?.[0]?.extensions).toMatchObject({ code });
}
const create = async (overrides: Record<string, unknown> = {}) => (await ok(CREATE, { input: brandInput(overrides) }))['createBrand'];

/** The BrandProfileChanged events in the outbox about a brand, oldest first (their subject checked). */
async function profileEvents(brandId: string): Promise<Profile[]> {
  const { rows } = await sql.query<{ envelope: { subject: string; data: Profile } }>(
    `SELECT "envelope" FROM "OutboxEvent" WHERE "type" = $1 AND "subject" = $2 ORDER BY "sequence"`,
    [BrandProfileChanged.type, brandId],
  );
  for (const row of rows) expect(row.envelope.subject).toBe(brandId);
  return rows.map((row) => row.envelope.data);
}

/** Runs `write` and expects no new BrandProfileChanged at all, whatever the brand. */
async function noEvent(write: () => Promise<unknown>): Promise<void> {
  const count = async () =>
    (await sql.query<{ count: number }>(`SELECT count(*)::int AS "count" FROM "OutboxEvent" WHERE "type" = $1`, [BrandProfileChanged.type]))
      .rows[0]!.count;
  const before = await count();
  await write();
  expect(await count()).toBe(before);
}

const preferences = (contentCategories: string[]) => ({ countries: ['US'], languages: ['en'], ageRanges: [], contentCategories });

describe('BrandProfileChanged', () => {
  it('is written with a new brand (revision 1), and none for a refused one', async () => {
    const brand = await create();
    expect(await profileEvents(brand.id)).toEqual([
      { brandId: brand.id, industry: 'beverages', contentCategories: ['fps', 'battle-royale'], revision: 1 },
    ]);
    const badBudget = {
      ...preferences([]),
      budgetRange: { min: { amount: '10', currency: 'USD' }, max: { amount: '5', currency: 'USD' } },
    };
    await noEvent(() => refused(CREATE, { input: brandInput({ marketingPreferences: badBudget }) }, 'BAD_USER_INPUT'));
  });

  it('follows industry and content categories with a higher revision, and ignores other edits', async () => {
    const brand = await create();
    await noEvent(() => ok(UPDATE, { id: brand.id, input: { companyName: 'Renamed', website: 'https://renamed.example' } }));
    // Preferences replaced whole, with the same content categories: nothing the event carries changed.
    await noEvent(() => ok(UPDATE, { id: brand.id, input: { marketingPreferences: preferences(['fps', 'battle-royale']) } }));
    await noEvent(() => ok(UPDATE, { id: brand.id, input: { industry: 'beverages' } }));

    await ok(UPDATE, { id: brand.id, input: { industry: 'energy-drinks' } });
    await ok(UPDATE, { id: brand.id, input: { marketingPreferences: preferences(['racing']) } });
    await ok(UPDATE, { id: brand.id, input: { industry: 'Food & Drink', marketingPreferences: preferences([]) } });
    expect((await profileEvents(brand.id)).slice(1)).toEqual([
      { brandId: brand.id, industry: 'energy-drinks', contentCategories: ['fps', 'battle-royale'], revision: 2 },
      { brandId: brand.id, industry: 'energy-drinks', contentCategories: ['racing'], revision: 3 },
      { brandId: brand.id, industry: 'Food & Drink', contentCategories: [], revision: 4 },
    ]);
  });

  it('writes nothing for a refused update, and gives concurrent changes successive revisions', async () => {
    const brand = await create();
    await noEvent(() => refused(UPDATE, { id: MISSING, input: { industry: 'automotive' } }, 'NOT_FOUND'));
    await noEvent(() => refused(UPDATE, { id: 'not-a-uuid', input: { industry: 'automotive' } }, 'NOT_FOUND'));
    const badBudget = {
      ...preferences(['racing']),
      budgetRange: { min: { amount: '10', currency: 'USD' }, max: { amount: '10', currency: 'EUR' } },
    };
    await noEvent(() =>
      refused(UPDATE, { id: brand.id, input: { industry: 'automotive', marketingPreferences: badBudget } }, 'BAD_USER_INPUT'),
    );

    const industries = ['automotive', 'beverages-b', 'hardware', 'snacks', 'apparel'];
    await Promise.all(industries.map((industry) => ok(UPDATE, { id: brand.id, input: { industry } })));
    const events = await profileEvents(brand.id);
    expect(events.map((event) => event.revision)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.at(-1)!.industry).toBe((await ok(`query($id: ID!) { brand(id: $id) { industry } }`, { id: brand.id }))['brand'].industry);
  });

  it("publishes each demo brand's industry once, as the conflict seed has it", async () => {
    const db = createDb(subgraph.databaseUrl);
    try {
      await seedDemo(db);
      await seedDemo(db);
    } finally {
      await db.$disconnect();
    }
    const events = await Promise.all(Object.values(demoIds.brands).map((brandId) => profileEvents(brandId)));
    expect(events.map((list) => list.map((event) => [event.industry, event.revision]))).toEqual([
      [['beverages', 1]],
      [['gaming-hardware', 1]],
      [['automotive', 1]],
    ]);
  });
});
