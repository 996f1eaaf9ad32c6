import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KycReviewDecided } from '@gametriggers/events';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { kycSubgraph } from '../src/index';
import { READ, TRANSITIONS, kycDriver } from './factories';

let subgraph: TestSubgraph;
let db: Db;
let sql: pg.Pool;
let driver: ReturnType<typeof kycDriver>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(kycSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
  sql = new pg.Pool({ connectionString: subgraph.databaseUrl, max: 2 });
  // pool.end() resolves before its sockets close; the database drop that follows may reach them.
  sql.on('error', () => {});
  driver = kycDriver(subgraph, db);
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await subgraph?.stop();
});

async function eventsOf(subjectId: string) {
  const { rows } = await sql.query(
    `SELECT type, subject, envelope FROM "OutboxEvent" WHERE envelope->'data'->>'subjectId' = $1 ORDER BY sequence`,
    [subjectId],
  );
  return rows;
}

describe('kyc.review.decided', () => {
  it('is written with an approval, in its transaction, carrying the decision and its expiry', async () => {
    const approved = await driver.caseIn('APPROVED');
    const events = await eventsOf(approved.subjectId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'kyc.review.decided', subject: `STREAMER:${approved.subjectId}` });
    const data = KycReviewDecided.schema.parse(events[0].envelope.data);
    expect(data).toEqual({
      caseId: approved.id,
      subjectType: 'STREAMER',
      subjectId: approved.subjectId,
      status: 'APPROVED',
      decidedAt: approved.reviewedAt,
      expiresAt: approved.expiresAt,
    });
  });

  it('is written with a rejection, and not for the other transitions', async () => {
    const rejected = await driver.caseIn('REJECTED', { subjectType: 'BRAND', documentType: 'BUSINESS_REGISTRATION' });
    const events = await eventsOf(rejected.subjectId);
    expect(events.map((event) => [event.envelope.data.status, event.envelope.data.subjectType, event.envelope.data.expiresAt])).toEqual([
      ['REJECTED', 'BRAND', null],
    ]);
    const inReview = await driver.caseIn('IN_REVIEW');
    expect(await eventsOf(inReview.subjectId)).toEqual([]);
  });

  it('is not written when the decision fails, and the decision is not made when the event cannot be written', async () => {
    const pending = await driver.caseIn('PENDING');
    const refused = await subgraph.query(TRANSITIONS.approve, { id: pending.id });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await eventsOf(pending.subjectId)).toEqual([]);

    const inReview = await driver.caseIn('IN_REVIEW');
    await sql.query('ALTER TABLE "OutboxEvent" ADD CONSTRAINT "refuse_every_event" CHECK (false) NOT VALID');
    try {
      const failed = await subgraph.query(TRANSITIONS.approve, { id: inReview.id });
      expect(failed.errors).toBeDefined();
    } finally {
      await sql.query('ALTER TABLE "OutboxEvent" DROP CONSTRAINT "refuse_every_event"');
    }
    const after = await subgraph.query(READ, { id: inReview.id });
    expect(after.data!['kycCase'].status).toBe('IN_REVIEW');
    expect(await eventsOf(inReview.subjectId)).toEqual([]);
  });
});
