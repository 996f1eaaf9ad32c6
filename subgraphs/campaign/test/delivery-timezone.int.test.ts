import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraph } from '@gametriggers/federation';
import { createTestDatabase, graphql, silentLogger, testAdmin, testInternalAuth, viewerHeaders } from '@gametriggers/testkit';
import type { TestDatabase, TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { runningParticipation, sample } from './delivery-support';

// The delivery columns are TIMESTAMP(3) without time zone holding UTC. This subgraph runs with a
// process zone 14 hours east of UTC, and its database sessions 11 hours west of it: whichever of
// the two a timestamp or a day slipped through, it would be hours (or a day) off.
const PROCESS_ZONE = 'Pacific/Kiritimati';
const SESSION_ZONE = 'Pacific/Pago_Pago';

let previousZone: string | undefined;
let database: TestDatabase;
let running: Awaited<ReturnType<typeof startSubgraph>>;
let subgraph: TestSubgraph;
let sql: pg.Client;
beforeAll(async () => {
  previousZone = process.env['TZ'];
  process.env['TZ'] = PROCESS_ZONE;
  database = await createTestDatabase('campaign', campaignSubgraph.migrationsDir);
  const url = new URL(database.url);
  url.searchParams.set('options', `-c TimeZone=${SESSION_ZONE}`);
  running = await startSubgraph(campaignSubgraph, { databaseUrl: url.toString(), logger: silentLogger, internalAuth: testInternalAuth });
  subgraph = {
    url: running.url,
    databaseUrl: database.url,
    query: async (query, variables, as) => graphql(running.url, query, variables, await viewerHeaders(as ?? testAdmin)),
    stop: () => Promise.resolve(),
  };
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await running?.stop();
  await database?.drop();
  if (previousZone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = previousZone;
});

describe('delivery timestamps', () => {
  it('are written and read as UTC whatever the zones of the process and the database session', async () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(-14 * 60);
    const { campaignId, participationId, overlayUrl } = await runningParticipation(subgraph, {
      dailyCap: { amount: '100', currency: 'USD' },
      pricing: { model: 'CPM', rate: { amount: '10', currency: 'USD' } },
    });
    const first = await sample(overlayUrl, { sampleId: crypto.randomUUID(), viewers: 1000 });
    // The campaign's run (startsAt, endsAt) was read right: it is running.
    expect(first).toMatchObject({ status: 201, body: { delivery: { status: 'PAID', costMinor: '1000' } } });
    // Compared inside PostgreSQL (this client's session is UTC; the driver would parse in PROCESS_ZONE).
    const { rows } = await sql.query(
      `SELECT abs(extract(epoch FROM delivery."occurredAt" - (statement_timestamp() AT TIME ZONE 'UTC'))) < 120 AS "occurredNow",
         extract(epoch FROM earning."releaseAt" - delivery."occurredAt")::int AS "heldSeconds",
         participation."lastSampleAt" = delivery."occurredAt" AS "sampledThen",
         spend."day" = delivery."occurredAt"::date AS "spentThatDay",
         to_char(delivery."occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') = event."envelope"->'data'->>'occurredAt' AS "eventSaysSo"
       FROM "Delivery" AS delivery
       JOIN "Earning" AS earning ON earning."deliveryId" = delivery."id"
       JOIN "Participation" AS participation ON participation."id" = delivery."participationId"
       JOIN "CampaignDailySpend" AS spend ON spend."campaignId" = delivery."campaignId"
       JOIN "OutboxEvent" AS event ON event."envelope"->'data'->>'deliveryId' = delivery."id"::text
       WHERE delivery."participationId" = $1`,
      [participationId],
    );
    expect(rows).toEqual([{ occurredNow: true, heldSeconds: 72 * 3600, sampledThen: true, spentThatDay: true, eventSaysSo: true }]);
    // The last sample's time is read back right: the next one, at once, is a burst.
    const burst = await sample(overlayUrl, { sampleId: crypto.randomUUID(), viewers: 1000 });
    expect(burst.body.delivery).toMatchObject({ status: 'FLAGGED', reason: expect.stringMatching(/^burst: a sample [0-9] s after/) });
    // A minute later it is paid, against the same day's spend.
    await sql.query(`UPDATE "Participation" SET "lastSampleAt" = "lastSampleAt" - interval '61 seconds' WHERE "id" = $1`, [
      participationId,
    ]);
    expect((await sample(overlayUrl, { sampleId: crypto.randomUUID(), viewers: 1000 })).body.delivery).toMatchObject({ status: 'PAID' });
    const { rows: days } = await sql.query(
      `SELECT "day" = (statement_timestamp() AT TIME ZONE 'UTC')::date AS "today", "spentMinor"::text AS "spent" FROM "CampaignDailySpend" WHERE "campaignId" = $1`,
      [campaignId],
    );
    expect(days).toEqual([{ today: true, spent: '2000' }]);
  });
});
