import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { APPLY, answerCheck, knownStreamer } from './factories';
import { CAMPAIGN_MONEY, DECIDE, LINKS, runningParticipation, sample, streamerViewer } from './delivery-support';

// Deliveries of one campaign that arrive while its transaction runs are recorded together in the
// next one (group commit). These tests make sure they arrive together, and that the batch decides
// them exactly as one transaction each would: replays counted once, bursts and caps in order.

let subgraph: TestSubgraph;
let sql: pg.Client;
beforeAll(async () => {
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await subgraph?.stop();
});
afterEach(() => {
  delete process.env['SAMPLE_MIN_INTERVAL_SECONDS'];
});

/**
 * Sends `requests` while another session holds the campaign's row lock, and lets go once one
 * delivery transaction waits for it and the others had time to queue behind it: they then go
 * into the campaign's next transaction together.
 */
async function togetherWhileLocked<T>(campaignId: string, requests: () => Promise<T>[]): Promise<T[]> {
  const locker = new pg.Client({ connectionString: subgraph.databaseUrl });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query(`SELECT 1 FROM "Campaign" WHERE "id" = $1 FOR UPDATE`, [campaignId]);
    const running = Promise.all(requests());
    for (let waited = 0; waited < 5_000; waited += 20) {
      const { rows } = await sql.query<{ waiting: number }>(
        `SELECT count(*)::int AS "waiting" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if ((rows[0]?.waiting ?? 0) >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    await locker.query('COMMIT');
    return await running;
  } finally {
    await locker.end();
  }
}

/** Accepts `count` more streamers; returns their participation ids and overlay links. */
async function moreStreamers(campaignId: string, count: number) {
  const streamers: { participationId: string; overlayUrl: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    const streamerId = await knownStreamer(subgraph);
    const participationId = (await subgraph.query(APPLY, { campaignId, streamerId })).data!['applyToCampaign'].id as string;
    await answerCheck(subgraph, participationId);
    await subgraph.query(DECIDE, { id: participationId, accept: true });
    const links = await subgraph.query(LINKS, { id: participationId }, streamerViewer(streamerId));
    streamers.push({ participationId, overlayUrl: links.data!['participation'].links.overlayUrl as string });
  }
  return streamers;
}

const count = async (query: string, id: string) => Number((await sql.query(query, [id])).rows[0].count);

describe('deliveries of one campaign arriving together', () => {
  it('counts a sample replayed many times at once exactly once', async () => {
    process.env['SAMPLE_MIN_INTERVAL_SECONDS'] = '0';
    const { campaignId, participationId, overlayUrl } = await runningParticipation(subgraph);
    const sampleId = crypto.randomUUID();
    const other = crypto.randomUUID();
    const results = await togetherWhileLocked(campaignId, () => [
      ...Array.from({ length: 12 }, () => sample(overlayUrl, { sampleId, viewers: 800 })),
      sample(overlayUrl, { sampleId: other, viewers: 800 }),
    ]);
    const deliveries = results.map((result) => result.body.delivery!);
    const firsts = deliveries.filter((delivery) => delivery['duplicate'] === false);
    expect(firsts).toHaveLength(2);
    expect(results.filter((result) => result.status === 200)).toHaveLength(11);
    const replayed = deliveries.filter((delivery) => delivery['duplicate'] === true);
    const original = firsts.find((delivery) => replayed[0]!['id'] === delivery['id']);
    expect(original).toMatchObject({ status: 'PAID', costMinor: '1000' });
    expect(new Set(replayed.map((delivery) => delivery['id']))).toEqual(new Set([original!['id']]));
    expect(await count(`SELECT count(*) FROM "Delivery" WHERE "participationId" = $1`, participationId)).toBe(2);
    expect(await count(`SELECT count(*) FROM "Earning" WHERE "participationId" = $1`, participationId)).toBe(2);
    expect(
      await count(`SELECT count(*) FROM "OutboxEvent" WHERE "type" = 'campaign.delivery.recorded' AND "subject" = $1`, campaignId),
    ).toBe(2);
    // 1,600 view-minutes at $12.50 per thousand.
    const money = (await subgraph.query(CAMPAIGN_MONEY, { id: campaignId })).data!['campaign'];
    expect(money.spent.amountMinor).toBe(2000);
  });

  it('flags the bursts of each streamer and cuts at the daily cap, in arrival order', async () => {
    // CPM $10 per 1,000 view-minutes: a sample of 1,000 viewers costs $10; the day allows $35.
    const { campaignId, participationId, overlayUrl } = await runningParticipation(subgraph, {
      budget: { amount: '1000', currency: 'USD' },
      dailyCap: { amount: '35', currency: 'USD' },
      perStreamerCap: null,
      pricing: { model: 'CPM', rate: { amount: '10', currency: 'USD' } },
    });
    const streamers = [{ participationId, overlayUrl }, ...(await moreStreamers(campaignId, 4))];
    // Four samples per streamer at once: the burst rule (one a minute) pays the first of each only.
    const results = await togetherWhileLocked(campaignId, () =>
      streamers.flatMap(({ overlayUrl: url }) =>
        Array.from({ length: 4 }, () => sample(url, { sampleId: crypto.randomUUID(), viewers: 1000 })),
      ),
    );
    expect(results.every((result) => result.status === 201)).toBe(true);
    const deliveries = results.map((result) => result.body.delivery!);
    expect(deliveries.filter((delivery) => delivery['status'] === 'FLAGGED')).toHaveLength(15);
    const charged = deliveries.filter((delivery) => delivery['status'] !== 'FLAGGED').map((delivery) => delivery['costMinor']);
    expect(charged.sort()).toEqual(['0', '1000', '1000', '1000', '500']);
    const { rows } = await sql.query(
      `SELECT "spentMinor"::text AS "spent" FROM "CampaignDailySpend" WHERE "campaignId" = $1 AND "day" = (now() AT TIME ZONE 'UTC')::date`,
      [campaignId],
    );
    expect(rows).toEqual([{ spent: '3500' }]);
    const money = (await subgraph.query(CAMPAIGN_MONEY, { id: campaignId })).data!['campaign'];
    expect(money).toMatchObject({ status: 'ACTIVE', spent: { amountMinor: 3500 } });
    const { rows: counters } = await sql.query(
      `SELECT sum("viewMinutes")::text AS "viewMinutes", sum("earningsMinor")::text AS "earnings",
         (SELECT sum("amountMinor")::text FROM "Earning" WHERE "campaignId" = $1) AS "held",
         (SELECT count(*)::int FROM "OutboxEvent" WHERE "type" = 'campaign.delivery.recorded' AND "subject" = $1::text) AS "events"
       FROM "Participation" WHERE "campaignId" = $1`,
      [campaignId],
    );
    // The capped samples count their view-minutes too; flagged ones do not.
    expect(counters).toEqual([{ viewMinutes: '5000', earnings: '3500', held: '3500', events: 20 }]);
  });
});
