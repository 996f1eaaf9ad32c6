import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { APPLY, CREATE_CAMPAIGN, TRANSITION, answerCheck, brandIds, campaignIn, campaignInput, knownStreamer } from './factories';
import { whileRowLocked } from './row-lock';

const UPDATE = `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { id updatedAt } }`;
const DECIDE = `mutation($id: ID!, $accept: Boolean!) { decideParticipation(id: $id, accept: $accept) { id status } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawParticipation(id: $id) { id status } }`;
const READ = `query($id: ID!) { campaign(id: $id) { status updatedAt participations(first: 50) { nodes { id status } } } }`;

interface OutboxRow {
  id: string;
  type: string;
  subject: string;
  envelope: { id: string; data: { streamerIds: string[]; revision: number; status: string } & Record<string, unknown> } & Record<
    string,
    unknown
  >;
  publishedAt: Date | null;
}

let subgraph: TestSubgraph;
let sql: pg.Client;
beforeAll(async () => {
  // No event transport: the relay does not run, so every event written stays in the outbox to be read.
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await subgraph?.stop();
});

/** The CampaignChanged rows about one campaign, in the order they were written (budget events: funding.int.test.ts). */
async function eventsOf(campaignId: string): Promise<OutboxRow[]> {
  const { rows } = await sql.query<OutboxRow>(
    `SELECT "id", "type", "subject", "envelope", "publishedAt" FROM "OutboxEvent" WHERE "subject" = $1 AND "type" = 'campaign.campaign.changed' ORDER BY "sequence"`,
    [campaignId],
  );
  return rows;
}

async function outboxSize(): Promise<number> {
  const { rows } = await sql.query<{ count: number }>(
    `SELECT count(*)::int AS "count" FROM "OutboxEvent" WHERE "type" = 'campaign.campaign.changed'`,
  );
  return rows[0]!.count;
}

async function ok(query: string, variables: Record<string, unknown>) {
  const result = await subgraph.query(query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** An application the conflict engine has checked (ALLOW): ready for the brand's decision. */
async function applied(campaignId: string, streamer?: string): Promise<string> {
  const id = (await ok(APPLY, { campaignId, streamerId: streamer ?? (await knownStreamer(subgraph)) }))['applyToCampaign'].id as string;
  await answerCheck(subgraph, id);
  return id;
}

const revisions = (rows: OutboxRow[]) => rows.map((row) => row.envelope.data.revision);

describe('CampaignChanged in the outbox', () => {
  it('is written once by createCampaign, with the facts of the new campaign', async () => {
    const id = (await ok(CREATE_CAMPAIGN, { input: campaignInput() }))['createCampaign'].id as string;
    const rows = await eventsOf(id);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ type: 'campaign.campaign.changed', subject: id, publishedAt: null });
    expect(row!.envelope).toEqual({
      specversion: '1.0',
      id: row!.id,
      source: '/subgraphs/campaign',
      type: 'campaign.campaign.changed',
      dataversion: 1,
      subject: id,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      correlationid: row!.id,
      datacontenttype: 'application/json',
      data: {
        campaignId: id,
        brandId: brandIds.a,
        status: 'DRAFT',
        startsAt: '2027-06-01T00:00:00.000Z',
        endsAt: '2027-08-31T00:00:00.000Z',
        categories: ['energy-drinks', 'fps'],
        platforms: ['TWITCH', 'YOUTUBE'],
        streamerIds: [],
        revision: 1,
      },
    });
  });

  it('is not written when createCampaign is refused', async () => {
    const before = await outboxSize();
    const bad = await subgraph.query(CREATE_CAMPAIGN, {
      input: campaignInput({ schedule: { startsAt: '2027-06-01T00:00:00Z', endsAt: '2027-05-01T00:00:00Z' } }),
    });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await outboxSize()).toBe(before);
  });

  it('is written once by an updateCampaign that changes the facts, not by one that changes only the name', async () => {
    const id = await campaignIn(subgraph, 'DRAFT');
    await ok(UPDATE, { id, input: { name: 'Voltage Autumn Clash' } });
    expect(revisions(await eventsOf(id))).toEqual([1]);

    await ok(UPDATE, {
      id,
      input: {
        schedule: { startsAt: '2027-09-01T00:00:00.000Z', endsAt: '2027-10-01T00:00:00.000Z' },
        targeting: { platforms: ['KICK'], categories: ['racing', 'racing'] },
      },
    });
    const rows = await eventsOf(id);
    expect(rows).toHaveLength(2);
    // The name-only edit was a write too: revision 2 went to it, so the facts are revision 3.
    expect(rows[1]!.envelope.data).toEqual({
      campaignId: id,
      brandId: brandIds.a,
      status: 'DRAFT',
      startsAt: '2027-09-01T00:00:00.000Z',
      endsAt: '2027-10-01T00:00:00.000Z',
      categories: ['racing'],
      platforms: ['KICK'],
      streamerIds: [],
      revision: 3,
    });
  });

  it('is not written when updateCampaign is refused', async () => {
    const submitted = await campaignIn(subgraph, 'SUBMITTED');
    const before = await eventsOf(submitted);
    const refused = await subgraph.query(UPDATE, { id: submitted, input: { targeting: { platforms: ['KICK'] } } });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await eventsOf(submitted)).toEqual(before);

    const draft = await campaignIn(subgraph, 'DRAFT');
    const invalid = await subgraph.query(UPDATE, {
      id: draft,
      input: { schedule: { startsAt: '2027-09-01T00:00:00.000Z', endsAt: '2027-08-01T00:00:00.000Z' } },
    });
    expect(invalid.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.schedule.endsAt' });
    expect(await eventsOf(draft)).toHaveLength(1);
  });

  it('is written once by each transitionCampaign, with the new status and a higher revision', async () => {
    const id = await campaignIn(subgraph, 'ACTIVE');
    const rows = await eventsOf(id);
    expect(rows.map((row) => row.envelope.data.status)).toEqual(['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'ACTIVE']);
    expect(revisions(rows)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('is not written when transitionCampaign is refused', async () => {
    const id = await campaignIn(subgraph, 'SUBMITTED');
    const before = await outboxSize();
    const illegal = await subgraph.query(TRANSITION, { id, to: 'ACTIVE' });
    expect(illegal.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const missing = await subgraph.query(TRANSITION, { id: crypto.randomUUID(), to: 'CANCELLED' });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await outboxSize()).toBe(before);
  });

  it('is written once when a streamer is accepted or withdraws after acceptance, with the booked streamers', async () => {
    const id = await campaignIn(subgraph, 'APPROVED');
    const [kira, luna, rex] = [await knownStreamer(subgraph), await knownStreamer(subgraph), await knownStreamer(subgraph)];
    const kiraParticipation = await applied(id, kira);
    const lunaParticipation = await applied(id, luna);
    const rexParticipation = await applied(id, rex);
    const { updatedAt } = (await ok(READ, { id }))['campaign'];
    expect(revisions(await eventsOf(id))).toEqual([1, 2, 3, 4]); // applications book nobody

    await ok(DECIDE, { id: kiraParticipation, accept: true });
    await ok(DECIDE, { id: lunaParticipation, accept: true });
    await ok(DECIDE, { id: rexParticipation, accept: false }); // rejected: books nobody
    await ok(WITHDRAW, { id: kiraParticipation });
    const rows = (await eventsOf(id)).slice(4);
    expect(rows.map((row) => [row.envelope.data.revision, row.envelope.data.streamerIds])).toEqual([
      [5, [kira]],
      [6, [kira, luna].sort()],
      [7, [luna]],
    ]);
    expect(rows.every((row) => row.envelope.data.status === 'APPROVED')).toBe(true);
    // A decision is not an edit of the campaign: its updatedAt stays.
    expect((await ok(READ, { id }))['campaign'].updatedAt).toBe(updatedAt);
  });

  it('is not written by a withdrawal before acceptance, nor by refused decisions', async () => {
    const id = await campaignIn(subgraph, 'SCHEDULED');
    const withdrawn = await applied(id);
    const accepted = await applied(id);
    await ok(WITHDRAW, { id: withdrawn });
    await ok(DECIDE, { id: accepted, accept: true });
    const before = await outboxSize();

    expect((await subgraph.query(DECIDE, { id: withdrawn, accept: true })).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect((await subgraph.query(DECIDE, { id: accepted, accept: true })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await subgraph.query(WITHDRAW, { id: crypto.randomUUID() })).errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const late = await applied(id);
    await ok(TRANSITION, { id, to: 'CANCELLED' });
    const afterCancel = await outboxSize();
    expect(afterCancel).toBe(before + 1);
    const closed = await subgraph.query(DECIDE, { id: late, accept: true });
    expect(closed.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accept' });
    expect(await outboxSize()).toBe(afterCancel);
    expect((await eventsOf(id)).at(-1)!.envelope.data).toMatchObject({ status: 'CANCELLED', streamerIds: [expect.any(String)] });
  });

  it('keeps revisions and facts in step when streamers are accepted at the same time', async () => {
    const id = await campaignIn(subgraph, 'ACTIVE');
    const streamers = [
      await knownStreamer(subgraph),
      await knownStreamer(subgraph),
      await knownStreamer(subgraph),
      await knownStreamer(subgraph),
    ];
    const participations: string[] = [];
    for (const streamer of streamers) participations.push(await applied(id, streamer));
    const results = await whileRowLocked(subgraph.databaseUrl, 'Campaign', id, streamers.length, () =>
      Promise.all(participations.map((participation) => subgraph.query(DECIDE, { id: participation, accept: true }))),
    );
    expect(results.map((result) => result.errors)).toEqual(streamers.map(() => undefined));
    const rows = (await eventsOf(id)).slice(6);
    expect(revisions(rows)).toEqual([7, 8, 9, 10]);
    // Each revision books one more streamer than the one before, and the last books all of them.
    rows.forEach((row, index) => {
      expect(row.envelope.data.streamerIds).toHaveLength(index + 1);
      if (index) expect(row.envelope.data.streamerIds).toEqual(expect.arrayContaining(rows[index - 1]!.envelope.data.streamerIds));
    });
    expect(rows.at(-1)!.envelope.data.streamerIds).toEqual([...streamers].sort());
  });

  it('is written in the same transaction as the change: when the event cannot be written, nothing is', async () => {
    const draft = await campaignIn(subgraph, 'DRAFT');
    const approved = await campaignIn(subgraph, 'APPROVED');
    const participation = await applied(approved);
    const campaigns = async () => (await ok(`{ campaigns(first: 100) { nodes { id } } }`, {}))['campaigns'].nodes.length;
    const before = { campaigns: await campaigns(), outbox: await outboxSize() };
    await sql.query('ALTER TABLE "OutboxEvent" ADD CONSTRAINT "refuse_every_event" CHECK (false) NOT VALID');
    try {
      for (const [query, variables] of [
        [CREATE_CAMPAIGN, { input: campaignInput() }],
        [UPDATE, { id: draft, input: { targeting: { platforms: ['KICK'] } } }],
        [TRANSITION, { id: draft, to: 'SUBMITTED' }],
        [DECIDE, { id: participation, accept: true }],
      ] as const) {
        const failed = await subgraph.query(query, variables);
        expect(failed.errors![0]!.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
      }
    } finally {
      await sql.query('ALTER TABLE "OutboxEvent" DROP CONSTRAINT "refuse_every_event"');
    }
    expect({ campaigns: await campaigns(), outbox: await outboxSize() }).toEqual(before);
    const read = (await ok(`query($id: ID!) { campaign(id: $id) { status targeting { platforms } } }`, { id: draft }))['campaign'];
    expect(read).toEqual({ status: 'DRAFT', targeting: { platforms: ['TWITCH', 'YOUTUBE'] } });
    expect((await ok(READ, { id: approved }))['campaign'].participations.nodes).toEqual([{ id: participation, status: 'APPLIED' }]);
    // And the same changes go through, each with its event, once the outbox takes events again.
    await ok(DECIDE, { id: participation, accept: true });
    expect(await outboxSize()).toBe(before.outbox + 1);
  });
});
