import { CampaignReviewed, writeEvent } from '@gametriggers/events';
import type { EventData, EventEnvelope } from '@gametriggers/events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { campaignSubgraph } from '../src/index';
import { createReviewConsumer } from '../src/review/review.consumer';
import { answerReservation, brandIds, campaignIn } from './factories';

const READ = `query($id: ID!) { campaign(id: $id) { status review { decision notes } } }`;

let subgraph: TestSubgraph;
let db: Db;
let sql: pg.Client;
beforeAll(async () => {
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await subgraph?.stop();
});

const consumer = () => createReviewConsumer(db, { logger: silentLogger });
const revisionOf = async (id: string) =>
  (await sql.query(`SELECT "revision" FROM "Campaign" WHERE "id" = $1`, [id])).rows[0].revision as number;

/** A verdict as the conflict subgraph's outbox writes it. */
const verdict = (data: Partial<EventData<typeof CampaignReviewed>> & { campaignId: string; revision: number }): Promise<EventEnvelope> =>
  writeEvent({ $executeRawUnsafe: async () => 1 }, CampaignReviewed, {
    subject: data.campaignId,
    data: { decision: 'ALLOW', decidingRule: null, violations: [], ...data },
  });

describe("the conflict engine's verdict on a submission", () => {
  it('approves on ALLOW, queues for an admin on WARN, rejects on BLOCK, with the explanations', async () => {
    const allowed = await campaignIn(subgraph, 'SUBMITTED');
    const warned = await campaignIn(subgraph, 'SUBMITTED');
    const blocked = await campaignIn(subgraph, 'SUBMITTED');
    await answerReservation(subgraph, allowed); // approval also needs the budget reserved (funding.int.test.ts)
    const violation = (severity: 'WARN' | 'BLOCK') => ({
      rule: 'Energy drinks compete',
      severity,
      explanation: 'Voltage Summer Clash shows energy-drinks on the same streamers from 2027-06-01 to 2027-08-31',
      otherCampaignId: crypto.randomUUID(),
    });
    await Promise.all([
      consumer().handle(await verdict({ campaignId: allowed, revision: await revisionOf(allowed) })),
      consumer().handle(
        await verdict({
          campaignId: warned,
          revision: await revisionOf(warned),
          decision: 'WARN',
          decidingRule: 'Energy drinks compete',
          violations: [violation('WARN')],
        }),
      ),
      consumer().handle(
        await verdict({
          campaignId: blocked,
          revision: await revisionOf(blocked),
          decision: 'BLOCK',
          decidingRule: 'Energy drinks compete',
          violations: [violation('BLOCK')],
        }),
      ),
    ]);
    const owner = { kind: 'BRAND' as const, entityId: brandIds.a, accountId: crypto.randomUUID(), scopes: [] };
    const read = async (id: string) => (await subgraph.query(READ, { id }, owner)).data!['campaign'];
    expect(await read(allowed)).toEqual({ status: 'APPROVED', review: { decision: 'ALLOW', notes: [] } });
    expect(await read(warned)).toMatchObject({
      status: 'IN_REVIEW',
      review: { decision: 'WARN', notes: [expect.stringMatching(/^WARN Energy drinks compete: Voltage/)] },
    });
    expect(await read(blocked)).toMatchObject({ status: 'REJECTED', review: { decision: 'BLOCK' } });
    // One CampaignChanged per verdict, with the result.
    const { rows } = await sql.query(
      `SELECT "envelope"->'data'->>'status' AS "status" FROM "OutboxEvent" WHERE "subject" = $1 AND "type" = 'campaign.campaign.changed' ORDER BY "sequence"`,
      [allowed],
    );
    expect(rows.map((row) => row.status)).toEqual(['DRAFT', 'SUBMITTED', 'APPROVED']);
  });

  it('ignores a verdict on an older revision or a campaign no longer submitted, and applies a redelivered one once', async () => {
    const id = await campaignIn(subgraph, 'SUBMITTED');
    await answerReservation(subgraph, id);
    const stale = await verdict({ campaignId: id, revision: (await revisionOf(id)) - 1, decision: 'BLOCK' });
    await consumer().handle(stale);
    expect((await subgraph.query(READ, { id })).data!['campaign'].status).toBe('SUBMITTED');
    const current = await verdict({ campaignId: id, revision: await revisionOf(id) });
    await consumer().handle(current);
    await consumer().handle(current);
    expect((await subgraph.query(READ, { id })).data!['campaign'].status).toBe('APPROVED');
    const draft = await campaignIn(subgraph, 'DRAFT');
    await consumer().handle(await verdict({ campaignId: draft, revision: await revisionOf(draft) }));
    expect((await subgraph.query(READ, { id: draft })).data!['campaign'].status).toBe('DRAFT');
  });
});
