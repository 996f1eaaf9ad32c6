import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignChanged, writeEvent } from '@gametriggers/events';
import type { ConsumerOptions, EventData } from '@gametriggers/events';
import { silentLogger, startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { conflictSubgraph } from '../src/index';
import { CREATE_RULE, id, ruleInput } from './factories';

let subgraph: TestSubgraph;
let db: Db;
let sql: pg.Client;
let consumer: ConsumerOptions;
beforeAll(async () => {
  subgraph = await startTestSubgraph(conflictSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
  consumer = conflictSubgraph.createEventConsumer!(db, { logger: silentLogger });
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await subgraph?.stop();
});

type Facts = EventData<typeof CampaignChanged>;
const facts = (overrides: Partial<Facts>): Facts => ({
  campaignId: id(),
  brandId: id(),
  status: 'ACTIVE',
  startsAt: '2027-06-01T00:00:00.000Z',
  endsAt: '2027-07-01T00:00:00.000Z',
  categories: [],
  platforms: ['TWITCH'],
  streamerIds: [],
  revision: 2,
  ...overrides,
});
/** What the campaign subgraph's outbox sends. */
const changed = async (data: Facts) =>
  consumer.handle(await writeEvent({ $executeRawUnsafe: async () => 1 }, CampaignChanged, { subject: data.campaignId, data }));
const verdicts = async (campaignId: string) =>
  (
    await sql.query(
      `SELECT "envelope"->'data' AS "data" FROM "OutboxEvent" WHERE "type" = 'conflict.campaign.reviewed' AND "subject" = $1`,
      [campaignId],
    )
  ).rows.map((row) => row.data);

describe('reviewing submitted campaigns', () => {
  it('answers each submission with the verdict: BLOCK with the rule and its explanation, ALLOW without conflicts', async () => {
    const created = await subgraph.query(CREATE_RULE, {
      input: ruleInput({
        type: 'CATEGORY_CONFLICT',
        severity: 'BLOCK',
        priority: 1,
        conditions: { competingCategories: ['cola-red', 'cola-blue'] },
      }),
    });
    expect(created.errors).toBeUndefined();
    const ruleName = created.data!['createConflictRule'].name as string;
    await changed(facts({ categories: ['cola-red'] })); // a running competitor

    const rival = facts({ status: 'SUBMITTED', categories: ['cola-blue'] });
    await changed(rival);
    expect(await verdicts(rival.campaignId)).toMatchObject([
      {
        campaignId: rival.campaignId,
        revision: 2,
        decision: 'BLOCK',
        decidingRule: ruleName,
        violations: [{ rule: ruleName, severity: 'BLOCK', explanation: expect.stringContaining('cola-blue') }],
      },
    ]);

    const books = facts({ status: 'SUBMITTED', categories: ['books'] });
    await changed(books);
    expect(await verdicts(books.campaignId)).toMatchObject([{ decision: 'ALLOW', decidingRule: null, violations: [] }]);
  });

  it('reviews submissions only, once per revision', async () => {
    const draft = facts({ status: 'DRAFT', categories: ['books'] });
    await changed(draft);
    expect(await verdicts(draft.campaignId)).toEqual([]);
    const submitted = { ...draft, status: 'SUBMITTED', revision: 3 };
    const event = await writeEvent({ $executeRawUnsafe: async () => 1 }, CampaignChanged, {
      subject: submitted.campaignId,
      data: submitted,
    });
    await consumer.handle(event);
    await consumer.handle(event); // redelivered
    await changed({ ...submitted, revision: 1 }); // an older revision arriving late
    expect(await verdicts(draft.campaignId)).toHaveLength(1);
  });
});
