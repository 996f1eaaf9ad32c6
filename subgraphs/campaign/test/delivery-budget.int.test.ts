import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleJob } from '@gametriggers/events';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { ReleaseEarningsJob } from '../src/delivery/release-earnings';
import { campaignSubgraph } from '../src/index';
import { APPLY, answerCheck, knownStreamer } from './factories';
import { CAMPAIGN_MONEY, DECIDE, postback, runningParticipation, sample } from './delivery-support';

let subgraph: TestSubgraph;
let sql: pg.Client;
let db: Db;
beforeAll(async () => {
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
  db = createDb(subgraph.databaseUrl);
});
afterAll(async () => {
  delete process.env['EARNINGS_REVIEW_SECONDS'];
  await db?.$disconnect();
  await sql?.end();
  await subgraph?.stop();
});

const money = async (campaignId: string) => (await subgraph.query(CAMPAIGN_MONEY, { id: campaignId })).data!['campaign'];

/** Accepts `count` more streamers into a running campaign; returns their participation ids. */
async function moreParticipants(campaignId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const applied = await subgraph.query(APPLY, { campaignId, streamerId: await knownStreamer(subgraph) });
    const id = applied.data!['applyToCampaign'].id as string;
    await answerCheck(subgraph, id);
    await subgraph.query(DECIDE, { id, accept: true });
    ids.push(id);
  }
  return ids;
}

describe('spending under concurrent deliveries', () => {
  it('never spends past the budget when 80 conversions race for its last dollars, and completes the campaign', async () => {
    // $10 budget, $3 per conversion: three paid in full, one cut to the last $1, the rest refused.
    const pricing = { model: 'CPA', rate: { amount: '3', currency: 'USD' } };
    const { campaignId, participationId } = await runningParticipation(subgraph, {
      budget: { amount: '10', currency: 'USD' },
      dailyCap: null,
      perStreamerCap: null,
      pricing,
    });
    const participations = [participationId, ...(await moreParticipants(campaignId, 3))];
    const { url, secret } = (await money(campaignId)).conversionPostback as { url: string; secret: string };
    const results = await Promise.all(
      Array.from({ length: 80 }, (_, i) => postback(url, secret, { participationId: participations[i % 4]!, conversionId: `order-${i}` })),
    );
    const recorded = results.filter((result) => result.status === 201).map((result) => result.body.delivery!);
    const charged = recorded.reduce((sum, delivery) => sum + BigInt(delivery['costMinor'] as string), 0n);
    expect(charged).toBe(1000n);
    expect(recorded.filter((delivery) => delivery['status'] === 'PAID')).toHaveLength(3);
    expect(recorded.filter((delivery) => delivery['status'] === 'CAPPED' && delivery['costMinor'] === '100')).toHaveLength(1);
    // Every other one was refused because the campaign had completed: nothing else recorded.
    expect(results.filter((result) => result.status === 409)).toHaveLength(80 - recorded.length);
    const after = await money(campaignId);
    expect(after).toMatchObject({ status: 'COMPLETED', spent: { amountMinor: 1000 } });
    const { rows } = await sql.query(`SELECT sum("amountMinor")::text AS "held" FROM "Earning" WHERE "campaignId" = $1`, [campaignId]);
    expect(rows[0].held).toBe('1000');
    // The wallet is asked to release the reservation, keeping all of it for the earnings in review.
    const release = await sql.query(
      `SELECT "envelope"->'data' AS "data" FROM "OutboxEvent" WHERE "type" = 'campaign.budget.release-requested' AND "subject" = $1`,
      [campaignId],
    );
    expect(release.rows.map((row) => row.data)).toEqual([expect.objectContaining({ spentMinor: '1000', status: 'COMPLETED' })]);
  });

  it('keeps each streamer under the per-streamer cap and the campaign under its daily cap', async () => {
    // CPM $10 per 1,000 view-minutes: 1,000 viewers for a minute cost $10.
    const { campaignId, participationId, overlayUrl } = await runningParticipation(subgraph, {
      budget: { amount: '1000', currency: 'USD' },
      dailyCap: { amount: '25', currency: 'USD' },
      perStreamerCap: { amount: '15', currency: 'USD' },
      pricing: { model: 'CPM', rate: { amount: '10', currency: 'USD' } },
    });
    const second = await runningParticipationLinks(campaignId);
    const report = async (url: string, id: string) => {
      await sql.query(`UPDATE "Participation" SET "lastSampleAt" = now() - interval '2 minutes' WHERE "id" = $1`, [id]);
      return (await sample(url, { sampleId: crypto.randomUUID(), viewers: 1000 })).body.delivery!;
    };
    expect(await report(overlayUrl, participationId)).toMatchObject({ status: 'PAID', costMinor: '1000' });
    expect(await report(overlayUrl, participationId)).toMatchObject({
      status: 'CAPPED',
      costMinor: '500',
      reason: expect.stringMatching(/per-streamer cap/),
    });
    expect(await report(second.overlayUrl, second.participationId)).toMatchObject({ status: 'PAID', costMinor: '1000' });
    expect(await report(second.overlayUrl, second.participationId)).toMatchObject({
      status: 'CAPPED',
      costMinor: '0',
      reason: expect.stringMatching(/daily cap/),
    });
    expect(await money(campaignId)).toMatchObject({ status: 'ACTIVE', spent: { amountMinor: 2500 } });
  });

  it('releases held earnings after the review period, once, as one event per participation', async () => {
    process.env['EARNINGS_REVIEW_SECONDS'] = '0';
    const { participationId, overlayUrl } = await runningParticipation(subgraph, {
      pricing: { model: 'CPM', rate: { amount: '10', currency: 'USD' } },
    });
    await sample(overlayUrl, { sampleId: crypto.randomUUID(), viewers: 1000 });
    await sql.query(`UPDATE "Participation" SET "lastSampleAt" = now() - interval '2 minutes' WHERE "id" = $1`, [participationId]);
    await sample(overlayUrl, { sampleId: crypto.randomUUID(), viewers: 500 });
    // What the recurring job does every minute; here twice at once, as two runners might.
    await db.$transaction(async (tx) => {
      await scheduleJob(tx, ReleaseEarningsJob, {}, { jobKey: 'now-1' });
      await scheduleJob(tx, ReleaseEarningsJob, {}, { jobKey: 'now-2' });
    });
    const released = async () =>
      (
        await sql.query(
          `SELECT "envelope"->'data' AS "data" FROM "OutboxEvent" WHERE "type" = 'campaign.earnings.released' AND "subject" = $1`,
          [participationId],
        )
      ).rows;
    await expect.poll(async () => (await released()).length, { timeout: 10_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [event] = await released();
    expect(event.data).toMatchObject({ participationId, currency: 'USD', amountMinor: '1500' });
    expect(event.data.earningIds).toHaveLength(2);
    const { rows } = await sql.query(`SELECT DISTINCT "status" FROM "Earning" WHERE "participationId" = $1`, [participationId]);
    expect(rows).toEqual([{ status: 'RELEASED' }]);
  });
});

/** A second accepted streamer in the campaign, with their overlay link. */
async function runningParticipationLinks(campaignId: string) {
  const [participationId] = await moreParticipants(campaignId, 1);
  const streamerId = (await sql.query(`SELECT "streamerId"::text AS "id" FROM "Participation" WHERE "id" = $1`, [participationId])).rows[0]
    .id as string;
  const links = await subgraph.query(
    `query($id: ID!) { participation(id: $id) { links { overlayUrl } } }`,
    { id: participationId },
    {
      kind: 'STREAMER',
      entityId: streamerId,
      scopes: [],
    },
  );
  return { participationId: participationId!, overlayUrl: links.data!['participation'].links.overlayUrl as string };
}
