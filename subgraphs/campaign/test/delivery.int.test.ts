import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { CAMPAIGN_MONEY, LINKS, postback, runningParticipation, sample, streamerViewer } from './delivery-support';
import { brandIds } from './factories';

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
beforeEach(() => {
  delete process.env['SAMPLE_MIN_INTERVAL_SECONDS'];
});

const uuid = () => crypto.randomUUID();
/** Lets the next sample of a participation count as a minute later (the burst rule measures from the last one). */
const aMinutePasses = (participationId: string) =>
  sql.query(`UPDATE "Participation" SET "lastSampleAt" = "lastSampleAt" - interval '61 seconds' WHERE "id" = $1`, [participationId]);
const moneyOf = async (campaignId: string) => (await subgraph.query(CAMPAIGN_MONEY, { id: campaignId })).data!['campaign'];

describe('the overlay', () => {
  it('serves a self-contained page that reports samples, to its link only', async () => {
    const { overlayUrl } = await runningParticipation(subgraph);
    const page = await fetch(overlayUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await page.text();
    expect(html).toContain('Voltage Summer Clash');
    expect(html).toMatch(/\/samples/);
    expect(html).not.toMatch(/<script[^>]+src=/); // nothing loaded from elsewhere
    const forged = overlayUrl.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAA');
    expect((await fetch(forged)).status).toBe(404);
    expect((await sample(forged, { sampleId: uuid(), viewers: 10 })).status).toBe(404);
  });

  it('charges CPM view-minutes once per sample, holds the earning, and refuses bad bodies', async () => {
    // $12.50 per 1,000 view-minutes.
    const { campaignId, participationId, streamerId, overlayUrl } = await runningParticipation(subgraph);
    const sampleId = uuid();
    const first = await sample(overlayUrl, { sampleId, viewers: 800 });
    expect(first).toMatchObject({ status: 201, body: { delivery: { status: 'PAID', costMinor: '1000', duplicate: false } } });
    // The same sample again (a retry, a replay): counted once.
    expect(await sample(overlayUrl, { sampleId, viewers: 800 })).toMatchObject({ status: 200, body: { delivery: { duplicate: true } } });
    expect(await sample(overlayUrl, { sampleId: 'nope', viewers: 1 })).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', field: 'sampleId' } },
    });
    expect(await sample(overlayUrl, { sampleId: uuid(), viewers: -3 })).toMatchObject({
      status: 400,
      body: { error: { field: 'viewers' } },
    });
    expect((await moneyOf(campaignId)).spent.amountMinor).toBe(1000);
    const participation = (await subgraph.query(LINKS, { id: participationId }, streamerViewer(streamerId))).data!['participation'];
    expect(participation.earnings.amountMinor).toBe(1000);
    const { rows } = await sql.query(`SELECT "status", "amountMinor"::text AS "amount" FROM "Earning" WHERE "participationId" = $1`, [
      participationId,
    ]);
    expect(rows).toEqual([{ status: 'HELD', amount: '1000' }]);
    const { rows: events } = await sql.query(
      `SELECT "envelope"->'data' AS "data" FROM "OutboxEvent" WHERE "type" = 'campaign.delivery.recorded' AND "envelope"->'data'->>'participationId' = $1`,
      [participationId],
    );
    expect(events.map((row) => row.data)).toMatchObject([
      { kind: 'VIEWER_SAMPLE', quantity: 800, costMinor: '1000', status: 'PAID', streamerId, brandId: brandIds.a },
    ]);
  });

  it('flags bursts and implausible audiences: recorded, not paid', async () => {
    const { campaignId, participationId, overlayUrl } = await runningParticipation(subgraph);
    expect((await sample(overlayUrl, { sampleId: uuid(), viewers: 100 })).body.delivery).toMatchObject({ status: 'PAID' });
    const burst = await sample(overlayUrl, { sampleId: uuid(), viewers: 100 });
    expect(burst.body.delivery).toMatchObject({ status: 'FLAGGED', costMinor: '0', reason: expect.stringMatching(/^burst/) });
    await aMinutePasses(participationId);
    // maxAverageViewers 50,000: 5x that is the most a sample may plausibly report.
    const inflated = await sample(overlayUrl, { sampleId: uuid(), viewers: 250_001 });
    expect(inflated.body.delivery).toMatchObject({
      status: 'FLAGGED',
      costMinor: '0',
      reason: expect.stringMatching(/^implausible audience/),
    });
    // Within the campaign's range, but more than 3x the streamer's known peak (12,000: their profile).
    await aMinutePasses(participationId);
    const aboveTheirPeak = await sample(overlayUrl, { sampleId: uuid(), viewers: 36_001 });
    expect(aboveTheirPeak.body.delivery).toMatchObject({
      status: 'FLAGGED',
      costMinor: '0',
      reason: "implausible audience: 36001 viewers reported, more than 3x the streamer's known peak of 12000",
    });
    expect((await moneyOf(campaignId)).spent.amountMinor).toBe(125);
  });

  it('refuses samples for a campaign that is not running, and after the links were replaced', async () => {
    const { campaignId, participationId, streamerId, overlayUrl } = await runningParticipation(subgraph);
    const rotated = await subgraph.query(
      `mutation($id: ID!) { rotateParticipationLinks(id: $id) { id } }`,
      { id: participationId },
      streamerViewer(streamerId),
    );
    expect(rotated.errors).toBeUndefined();
    expect(await sample(overlayUrl, { sampleId: uuid(), viewers: 5 })).toMatchObject({
      status: 404,
      body: { error: { code: 'UNKNOWN_LINK' } },
    });
    const fresh = (await subgraph.query(LINKS, { id: participationId }, streamerViewer(streamerId))).data!['participation'].links
      .overlayUrl as string;
    expect(fresh).not.toBe(overlayUrl);
    await subgraph.query(`mutation($id: ID!) { transitionCampaign(id: $id, to: PAUSED) { id } }`, { id: campaignId });
    expect(await sample(fresh, { sampleId: uuid(), viewers: 5 })).toMatchObject({
      status: 409,
      body: { error: { code: 'CAMPAIGN_NOT_RUNNING' } },
    });
  });
});

describe('clicks and conversions', () => {
  it('counts a click once per visitor and minute and redirects to the landing page', async () => {
    const { campaignId, participationId, clickUrl } = await runningParticipation(subgraph, {
      pricing: { model: 'CPC', rate: { amount: '0.40', currency: 'USD' } },
    });
    for (let i = 0; i < 3; i += 1) {
      const response = await fetch(clickUrl, { redirect: 'manual', headers: { 'user-agent': 'chat-viewer' } });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`https://voltage.example/summer?utm_source=gametriggers&utm_campaign=${campaignId}`);
    }
    await fetch(clickUrl, { redirect: 'manual', headers: { 'user-agent': 'another-viewer' } });
    const { rows } = await sql.query(`SELECT count(*)::int AS "clicks" FROM "Delivery" WHERE "participationId" = $1 AND "kind" = 'CLICK'`, [
      participationId,
    ]);
    expect(rows[0].clicks).toBe(2);
    expect((await moneyOf(campaignId)).spent.amountMinor).toBe(80);
  });

  it('counts a signed conversion once and refuses unsigned or missigned ones', async () => {
    const { campaignId, participationId } = await runningParticipation(subgraph, {
      pricing: { model: 'CPA', rate: { amount: '5', currency: 'USD' } },
    });
    const { url, secret } = (await moneyOf(campaignId)).conversionPostback as { url: string; secret: string };
    const conversion = { participationId, conversionId: 'order-1001' };
    expect(await postback(url, secret, conversion)).toMatchObject({
      status: 201,
      body: { delivery: { status: 'PAID', costMinor: '500' } },
    });
    expect(await postback(url, secret, conversion)).toMatchObject({ status: 200, body: { delivery: { duplicate: true } } });
    expect(await postback(url, 'not-the-secret', { participationId, conversionId: 'order-1002' })).toMatchObject({ status: 401 });
    expect(await postback(url, secret, { participationId, conversionId: 'order-1003' }, 'sha256=nothex')).toMatchObject({ status: 401 });
    expect(await postback(url, secret, { participationId: uuid(), conversionId: 'order-1004' })).toMatchObject({ status: 404 });
    expect(await postback(url, secret, { participationId, conversionId: '' })).toMatchObject({
      status: 400,
      body: { error: { field: 'conversionId' } },
    });
    expect((await moneyOf(campaignId)).spent.amountMinor).toBe(500);
  });

  it('shows the links to the streamer taking part and the postback secret to the owning brand only', async () => {
    const { campaignId, participationId } = await runningParticipation(subgraph);
    const other = await subgraph.query(LINKS, { id: participationId }, streamerViewer(uuid()));
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await subgraph.query(LINKS, { id: participationId }, { kind: 'ANONYMOUS', scopes: [] });
    expect(anonymous.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const brand = (id: string) => ({ kind: 'BRAND' as const, entityId: id, accountId: uuid(), scopes: [] });
    expect((await subgraph.query(CAMPAIGN_MONEY, { id: campaignId }, brand(brandIds.b))).errors![0]!.extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      (await subgraph.query(CAMPAIGN_MONEY, { id: campaignId }, brand(brandIds.a))).data!['campaign'].conversionPostback.secret,
    ).toMatch(/^[0-9a-f]{64}$/);
  });
});
