import { CampaignReviewed, writeEvent } from '@gametriggers/events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import { campaignSubgraph } from '../src/index';
import { createReviewConsumer } from '../src/review/review.consumer';
import { TRANSITION, answerReservation, brandIds, campaignIn } from './factories';

const READ = `query($id: ID!) { campaign(id: $id) { status funding { status reservationId error } review { decision } } }`;

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

const read = async (id: string) => (await subgraph.query(READ, { id })).data!['campaign'];
const move = (id: string, to: string) => subgraph.query(TRANSITION, { id, to });

/** The budget events the campaign wrote to its outbox, oldest first. */
async function budgetEvents(campaignId: string) {
  const { rows } = await sql.query(
    `SELECT "type", "envelope"->'data' AS "data" FROM "OutboxEvent" WHERE "subject" = $1 AND "type" LIKE 'campaign.budget.%' ORDER BY "sequence"`,
    [campaignId],
  );
  return rows as { type: string; data: Record<string, unknown> }[];
}

/** The conflict engine's ALLOW verdict on the campaign's current revision, through the consumer. */
async function allow(campaignId: string) {
  const { rows } = await sql.query(`SELECT "revision" FROM "Campaign" WHERE "id" = $1`, [campaignId]);
  const envelope = await writeEvent({ $executeRawUnsafe: async () => 1 }, CampaignReviewed, {
    subject: campaignId,
    data: { campaignId, revision: rows[0].revision, decision: 'ALLOW', decidingRule: null, violations: [] },
  });
  const db = createDb(subgraph.databaseUrl);
  try {
    await createReviewConsumer(db, { logger: silentLogger }).handle(envelope);
  } finally {
    await db.$disconnect();
  }
}

describe("a submission reserves the campaign's budget in the brand's wallet", () => {
  it('asks the wallet for the whole budget on submission, and approval waits for it', async () => {
    const id = await campaignIn(subgraph, 'SUBMITTED');
    const campaign = await read(id);
    expect(campaign.funding).toEqual({ status: 'PENDING', reservationId: expect.any(String), error: null });
    expect(await budgetEvents(id)).toEqual([
      {
        type: 'campaign.budget.reservation-requested',
        data: {
          reservationId: campaign.funding.reservationId,
          campaignId: id,
          brandId: brandIds.a,
          currency: 'USD',
          amountMinor: '5000000',
        },
      },
    ]);
    expect((await move(id, 'IN_REVIEW')).errors).toBeUndefined();
    const refused = await move(id, 'APPROVED');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FUNDING_REQUIRED', fundingStatus: 'PENDING' });
    expect((await read(id)).status).toBe('IN_REVIEW');
    await answerReservation(subgraph, id);
    expect((await move(id, 'APPROVED')).data?.['transitionCampaign']).toEqual({ id, status: 'APPROVED' });
  });

  it('approves automatically when the ALLOW verdict and the reservation are both in, in either order', async () => {
    const verdictFirst = await campaignIn(subgraph, 'SUBMITTED');
    await allow(verdictFirst);
    expect(await read(verdictFirst)).toMatchObject({ status: 'IN_REVIEW', funding: { status: 'PENDING' }, review: { decision: 'ALLOW' } });
    await answerReservation(subgraph, verdictFirst);
    expect(await read(verdictFirst)).toMatchObject({ status: 'APPROVED', funding: { status: 'RESERVED' } });

    const fundsFirst = await campaignIn(subgraph, 'SUBMITTED');
    await answerReservation(subgraph, fundsFirst);
    expect(await read(fundsFirst)).toMatchObject({ status: 'SUBMITTED', funding: { status: 'RESERVED' } });
    await allow(fundsFirst);
    expect(await read(fundsFirst)).toMatchObject({ status: 'APPROVED', funding: { status: 'RESERVED' } });
  });

  it("rejects the campaign with the wallet's reason when the budget cannot be reserved; resubmitting asks again", async () => {
    const id = await campaignIn(subgraph, 'SUBMITTED');
    const first = (await read(id)).funding.reservationId;
    await answerReservation(subgraph, id, 'FAILED');
    expect(await read(id)).toMatchObject({
      status: 'REJECTED',
      funding: { status: 'FAILED', reservationId: first, error: expect.stringMatching(/could not be reserved: the brand has 12.00 USD/) },
    });
    expect((await move(id, 'DRAFT')).errors).toBeUndefined();
    expect((await move(id, 'SUBMITTED')).errors).toBeUndefined();
    const again = (await read(id)).funding;
    expect(again).toEqual({ status: 'PENDING', reservationId: expect.any(String), error: null });
    expect(again.reservationId).not.toBe(first);
    // Nothing was held for the refused reservation, so nothing is released for it.
    expect((await budgetEvents(id)).map((event) => event.type)).toEqual([
      'campaign.budget.reservation-requested',
      'campaign.budget.reservation-requested',
    ]);
  });

  it('ignores an answer about an older submission, and a redelivered answer', async () => {
    const id = await campaignIn(subgraph, 'SUBMITTED');
    const stale = (await read(id)).funding.reservationId;
    await move(id, 'DRAFT');
    await move(id, 'SUBMITTED');
    const current = (await read(id)).funding.reservationId;
    await answerReservation(subgraph, id, 'FAILED', stale);
    expect(await read(id)).toMatchObject({ status: 'SUBMITTED', funding: { status: 'PENDING', reservationId: current } });
    await answerReservation(subgraph, id);
    await answerReservation(subgraph, id);
    await answerReservation(subgraph, id, 'FAILED');
    expect(await read(id)).toMatchObject({ status: 'SUBMITTED', funding: { status: 'RESERVED', reservationId: current, error: null } });
  });

  it('asks the wallet to release what the campaign will not spend when it is withdrawn, cancelled or completed', async () => {
    const withdrawn = await campaignIn(subgraph, 'SUBMITTED');
    await move(withdrawn, 'DRAFT');
    const cancelled = await campaignIn(subgraph, 'SCHEDULED');
    await move(cancelled, 'CANCELLED');
    const completed = await campaignIn(subgraph, 'COMPLETED');
    for (const [id, status, fundingStatus] of [
      [withdrawn, 'DRAFT', 'RELEASED'],
      [cancelled, 'CANCELLED', 'RELEASED'],
      [completed, 'COMPLETED', 'RELEASED'],
    ] as const) {
      const campaign = await read(id);
      expect(campaign).toMatchObject({ status, funding: { status: fundingStatus } });
      const events = await budgetEvents(id);
      expect(events.map((event) => event.type)).toEqual(['campaign.budget.reservation-requested', 'campaign.budget.release-requested']);
      expect(events[1]!.data).toEqual({
        reservationId: campaign.funding.reservationId,
        campaignId: id,
        brandId: brandIds.a,
        currency: 'USD',
        spentMinor: '0',
        status,
      });
    }
  });

  it('shows funding to the brand and admins only', async () => {
    const id = await campaignIn(subgraph, 'SUBMITTED');
    await answerReservation(subgraph, id);
    await move(id, 'IN_REVIEW');
    await move(id, 'APPROVED');
    const query = `query($id: ID!) { campaign(id: $id) { id funding { status } } }`;
    const as = (kind: 'BRAND' | 'STREAMER', entityId: string) => ({ kind, entityId, accountId: crypto.randomUUID(), scopes: [] });
    expect((await subgraph.query(query, { id }, as('BRAND', brandIds.a))).data!['campaign'].funding).toEqual({ status: 'RESERVED' });
    for (const viewer of [as('BRAND', brandIds.b), as('STREAMER', crypto.randomUUID())]) {
      const result = await subgraph.query(query, { id }, viewer);
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(result.data?.['campaign']).toBeNull();
    }
  });
});
