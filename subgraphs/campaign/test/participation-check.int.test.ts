import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { APPLY, TRANSITION, answerCheck, brandIds, campaignIn, knownStreamer, streamerId } from './factories';

const DECIDE = `mutation($id: ID!, $accept: Boolean!) { decideParticipation(id: $id, accept: $accept) { id status } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawParticipation(id: $id) { id status } }`;
const READ = `query($id: ID!) { participation(id: $id) { status decidedAt check { decision notes checkedAt } } }`;
const AUTO = `mutation($id: ID!, $enabled: Boolean!) { setAutoAcceptApplications(id: $id, enabled: $enabled) { id autoAcceptApplications } }`;

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

const owner = { kind: 'BRAND' as const, entityId: brandIds.a, accountId: crypto.randomUUID(), scopes: [] };
const otherBrand = { kind: 'BRAND' as const, entityId: brandIds.b, accountId: crypto.randomUUID(), scopes: [] };
const streamerViewer = (id: string) => ({ kind: 'STREAMER' as const, entityId: id, accountId: crypto.randomUUID(), scopes: [] });

async function apply(campaignId: string) {
  const streamer = await knownStreamer(subgraph);
  const result = await subgraph.query(APPLY, { campaignId, streamerId: streamer });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return { id: result.data!['applyToCampaign'].id as string, streamer };
}
const read = async (id: string) => (await subgraph.query(READ, { id })).data!['participation'];
const bookedEvents = async (campaignId: string) =>
  (
    await sql.query(
      `SELECT "envelope"->'data'->'streamerIds' AS "streamers" FROM "OutboxEvent" WHERE "subject" = $1 AND "type" = 'campaign.campaign.changed' ORDER BY "sequence"`,
      [campaignId],
    )
  ).rows.map((row) => row.streamers as string[]);

describe('the conflict engine checks each application before anyone may accept it', () => {
  it('asks for the check when a streamer applies, and refuses to accept before it answers', async () => {
    const campaignId = await campaignIn(subgraph, 'SCHEDULED');
    const { id, streamer } = await apply(campaignId);
    const { rows } = await sql.query(
      `SELECT "envelope"->'data' AS "data" FROM "OutboxEvent" WHERE "type" = 'campaign.participation.applied' AND "subject" = $1`,
      [campaignId],
    );
    expect(rows.map((row) => row.data)).toEqual([{ participationId: id, campaignId, streamerId: streamer, brandId: brandIds.a }]);
    expect(await read(id)).toMatchObject({ status: 'APPLIED', check: null });
    const early = await subgraph.query(DECIDE, { id, accept: true }, owner);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CHECK_PENDING', field: 'accept' });
    expect((await read(id)).status).toBe('APPLIED');
    // Rejecting needs no check.
    const { id: other } = await apply(campaignId);
    expect((await subgraph.query(DECIDE, { id: other, accept: false }, owner)).data!['decideParticipation'].status).toBe('REJECTED');

    await answerCheck(subgraph, id);
    expect(await read(id)).toMatchObject({ status: 'APPLIED', check: { decision: 'ALLOW', notes: [] } });
    expect((await subgraph.query(DECIDE, { id, accept: true }, owner)).data!['decideParticipation'].status).toBe('ACCEPTED');
  });

  it('rejects a blocked application with the reason, and leaves a warned one to the brand with the warning', async () => {
    const campaignId = await campaignIn(subgraph, 'SCHEDULED');
    const blocked = await apply(campaignId);
    const warned = await apply(campaignId);
    await answerCheck(subgraph, blocked.id, 'BLOCK');
    await answerCheck(subgraph, warned.id, 'WARN');
    // The streamer sees why: it is their application.
    const seen = (await subgraph.query(READ, { id: blocked.id }, streamerViewer(blocked.streamer))).data!['participation'];
    expect(seen).toMatchObject({
      status: 'REJECTED',
      decidedAt: expect.any(String),
      check: { decision: 'BLOCK', notes: [expect.stringMatching(/^BLOCK Streamer double-booking: Both campaigns book/)] },
    });
    expect((await subgraph.query(DECIDE, { id: blocked.id, accept: true }, owner)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await read(warned.id)).toMatchObject({
      status: 'APPLIED',
      check: { decision: 'WARN', notes: [expect.stringMatching(/^WARN /)] },
    });
    expect((await subgraph.query(DECIDE, { id: warned.id, accept: true }, owner)).data!['decideParticipation'].status).toBe('ACCEPTED');
  });

  it("accepts allowed applications at once under the campaign's auto-approval rule, never warned ones", async () => {
    const campaignId = await campaignIn(subgraph, 'SCHEDULED', { autoAcceptApplications: true });
    const allowed = await apply(campaignId);
    const warned = await apply(campaignId);
    await answerCheck(subgraph, allowed.id);
    await answerCheck(subgraph, warned.id, 'WARN');
    expect(await read(allowed.id)).toMatchObject({ status: 'ACCEPTED', decidedAt: expect.any(String), check: { decision: 'ALLOW' } });
    expect((await read(warned.id)).status).toBe('APPLIED');
    // The booking reaches the conflict engine like any acceptance.
    expect((await bookedEvents(campaignId)).at(-1)).toEqual([allowed.streamer]);
  });

  it('ignores a check of an application withdrawn meanwhile, and a redelivered one', async () => {
    const campaignId = await campaignIn(subgraph, 'SCHEDULED', { autoAcceptApplications: true });
    const withdrawn = await apply(campaignId);
    expect((await subgraph.query(WITHDRAW, { id: withdrawn.id })).errors).toBeUndefined();
    await answerCheck(subgraph, withdrawn.id);
    expect(await read(withdrawn.id)).toMatchObject({ status: 'WITHDRAWN', check: null });
    const twice = await apply(campaignId);
    await answerCheck(subgraph, twice.id, 'WARN');
    await answerCheck(subgraph, twice.id, 'BLOCK');
    expect(await read(twice.id)).toMatchObject({ status: 'APPLIED', check: { decision: 'WARN' } });
  });

  it('lets the brand and admins turn the auto-approval rule on and off until the campaign ends', async () => {
    const campaignId = await campaignIn(subgraph, 'ACTIVE');
    expect((await subgraph.query(AUTO, { id: campaignId, enabled: true }, owner)).data!['setAutoAcceptApplications']).toEqual({
      id: campaignId,
      autoAcceptApplications: true,
    });
    expect((await subgraph.query(AUTO, { id: campaignId, enabled: false })).data!['setAutoAcceptApplications'].autoAcceptApplications).toBe(
      false,
    );
    for (const viewer of [otherBrand, streamerViewer(streamerId())]) {
      expect((await subgraph.query(AUTO, { id: campaignId, enabled: true }, viewer)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    expect(
      (await subgraph.query(AUTO, { id: campaignId, enabled: true }, { kind: 'ANONYMOUS' } as never)).errors?.[0]?.extensions?.['code'],
    ).toBe('UNAUTHENTICATED');
    await subgraph.query(TRANSITION, { id: campaignId, to: 'COMPLETED' });
    expect((await subgraph.query(AUTO, { id: campaignId, enabled: true }, owner)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
  });
});
