import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { PARTICIPATION_TRANSITIONS } from '../src/participation/participation-transitions';
import { APPLY, PARTICIPATION_FIELDS, TRANSITION, answerCheck, campaignIn, knownStreamer, streamerId } from './factories';
import { whileRowLocked } from './row-lock';

const DECIDE = `mutation($id: ID!, $accept: Boolean!) { decideParticipation(id: $id, accept: $accept) { ${PARTICIPATION_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawParticipation(id: $id) { ${PARTICIPATION_FIELDS} } }`;
const READ = `query($id: ID!) { participation(id: $id) { ${PARTICIPATION_FIELDS} } }`;
const PARTICIPATIONS_OF = `query($id: ID!, $first: Int, $after: String, $status: ParticipationStatus) {
  campaign(id: $id) { participations(first: $first, after: $after, status: $status) { nodes { id status streamer { id } } pageInfo { endCursor hasNextPage } } } }`;

let subgraph: TestSubgraph;
let openCampaign: string;
beforeAll(async () => {
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
  openCampaign = await campaignIn(subgraph, 'APPROVED', {
    budget: { amount: '900', currency: 'EUR' },
    dailyCap: null,
    perStreamerCap: null,
    pricing: { model: 'CPC', rate: { amount: '0.40', currency: 'EUR' } },
  });
});
afterAll(async () => {
  await subgraph?.stop();
});

/** An application the conflict engine has checked (ALLOW): ready for the brand's decision. */
async function applied(campaignId = openCampaign): Promise<string> {
  const result = await subgraph.query(APPLY, { campaignId, streamerId: await knownStreamer(subgraph) });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const id = result.data!['applyToCampaign'].id as string;
  await answerCheck(subgraph, id);
  return id;
}

async function participationCount(campaignId: string): Promise<number> {
  return (await subgraph.query(PARTICIPATIONS_OF, { id: campaignId, first: 100 })).data!['campaign'].participations.nodes.length;
}

describe('participations', () => {
  it('applies to an APPROVED, SCHEDULED or ACTIVE campaign, earning nothing yet in the campaign currency', async () => {
    for (const status of ['APPROVED', 'SCHEDULED', 'ACTIVE']) {
      const campaignId = await campaignIn(subgraph, status);
      const streamer = await knownStreamer(subgraph);
      const result = await subgraph.query(APPLY, { campaignId, streamerId: streamer });
      expect(result.errors).toBeUndefined();
      const participation = result.data!['applyToCampaign'];
      expect(participation).toMatchObject({
        status: 'APPLIED',
        streamer: { id: streamer },
        earnings: { amount: '0.00', currency: 'USD' },
        decidedAt: null,
        campaign: { id: campaignId, status },
      });
      expect((await subgraph.query(READ, { id: participation.id })).data!['participation']).toEqual(participation);
    }
    const eur = await subgraph.query(APPLY, { campaignId: openCampaign, streamerId: await knownStreamer(subgraph) });
    expect(eur.data!['applyToCampaign'].earnings).toEqual({ amount: '0.00', currency: 'EUR' });
  });

  it('refuses applications to campaigns that are not open, and writes nothing', async () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REJECTED', 'PAUSED', 'COMPLETED', 'CANCELLED']) {
      const campaignId = await campaignIn(subgraph, status);
      const result = await subgraph.query(APPLY, { campaignId, streamerId: await knownStreamer(subgraph) });
      expect(result.data, status).toBeNull();
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'campaignId' });
      expect(await participationCount(campaignId)).toBe(0);
    }
  });

  it('validates the ids it is given', async () => {
    const badStreamer = await subgraph.query(APPLY, { campaignId: openCampaign, streamerId: 'kiraplays' });
    expect(badStreamer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'streamerId' });
    const badCampaign = await subgraph.query(APPLY, { campaignId: 'summer', streamerId: streamerId() });
    expect(badCampaign.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'campaignId' });
    const missing = await subgraph.query(APPLY, { campaignId: crypto.randomUUID(), streamerId: streamerId() });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', typename: 'Campaign' });
  });

  it('answers CONFLICT to a second application by the same streamer, also when both arrive at once', async () => {
    const streamer = await knownStreamer(subgraph);
    const first = await subgraph.query(APPLY, { campaignId: openCampaign, streamerId: streamer });
    expect(first.errors).toBeUndefined();
    const again = await subgraph.query(APPLY, { campaignId: openCampaign, streamerId: streamer });
    expect(again.data).toBeNull();
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'streamerId' });

    const campaignId = await campaignIn(subgraph, 'ACTIVE');
    const racer = await knownStreamer(subgraph);
    const results = await Promise.all(Array.from({ length: 5 }, () => subgraph.query(APPLY, { campaignId, streamerId: racer })));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    for (const loser of results.filter((result) => result.errors)) expect(loser.errors![0]!.extensions!['code']).toBe('CONFLICT');
    expect(await participationCount(campaignId)).toBe(1);
  });

  it('lets the brand accept or reject an application once', async () => {
    const accepted = await subgraph.query(DECIDE, { id: await applied(), accept: true });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!['decideParticipation'].status).toBe('ACCEPTED');
    expect(Date.parse(accepted.data!['decideParticipation'].decidedAt)).toBeGreaterThan(Date.now() - 60_000);

    const rejectedId = await applied();
    const rejected = await subgraph.query(DECIDE, { id: rejectedId, accept: false });
    expect(rejected.data!['decideParticipation'].status).toBe('REJECTED');
    const twice = await subgraph.query(DECIDE, { id: rejectedId, accept: true });
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accept' });
    expect((await subgraph.query(READ, { id: rejectedId })).data!['participation'].status).toBe('REJECTED');
  });

  it('does not accept streamers into a campaign that has closed since they applied', async () => {
    const campaignId = await campaignIn(subgraph, 'ACTIVE');
    const id = await applied(campaignId);
    await subgraph.query(TRANSITION, { id: campaignId, to: 'PAUSED' });
    const accept = await subgraph.query(DECIDE, { id, accept: true });
    expect(accept.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accept' });
    const reject = await subgraph.query(DECIDE, { id, accept: false });
    expect(reject.data!['decideParticipation'].status).toBe('REJECTED');
  });

  // Every reachable status x every operation: legal per the table, else BAD_USER_INPUT and unchanged.
  const reach: Record<string, (id: string) => Promise<unknown>> = {
    APPLIED: async () => {},
    ACCEPTED: (id) => subgraph.query(DECIDE, { id, accept: true }),
    REJECTED: (id) => subgraph.query(DECIDE, { id, accept: false }),
    WITHDRAWN: (id) => subgraph.query(WITHDRAW, { id }),
  };
  const operations = [
    { name: 'accept', to: 'ACCEPTED', field: 'accept', run: (id: string) => subgraph.query(DECIDE, { id, accept: true }) },
    { name: 'reject', to: 'REJECTED', field: 'accept', run: (id: string) => subgraph.query(DECIDE, { id, accept: false }) },
    { name: 'withdraw', to: 'WITHDRAWN', field: 'id', run: (id: string) => subgraph.query(WITHDRAW, { id }) },
  ];
  it.each(Object.keys(reach).flatMap((from) => operations.map((operation) => [from, operation.name] as const)))(
    'from %s: %s',
    async (from, name) => {
      const operation = operations.find((candidate) => candidate.name === name)!;
      const id = await applied();
      await reach[from]!(id);
      const result = (await operation.run(id)) as { data?: any; errors?: { extensions?: Record<string, unknown> }[] };
      const legal = (PARTICIPATION_TRANSITIONS as Record<string, readonly string[]>)[from]!.includes(operation.to);
      const status = (await subgraph.query(READ, { id })).data!['participation'].status;
      if (legal) {
        expect(result.errors).toBeUndefined();
        expect(status).toBe(operation.to);
      } else {
        expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: operation.field });
        expect(status).toBe(from);
      }
    },
  );

  it('lets exactly one of concurrent decisions on one application win', async () => {
    const id = await applied();
    const results = await whileRowLocked(subgraph.databaseUrl, 'Participation', id, 6, () =>
      Promise.all([
        ...Array.from({ length: 3 }, () => subgraph.query(DECIDE, { id, accept: true })),
        ...Array.from({ length: 3 }, () => subgraph.query(WITHDRAW, { id })),
      ]),
    );
    const winners = results.filter((result) => !result.errors);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((result) => result.errors)) {
      expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(loser.errors![0]!.extensions!['code']);
    }
  });

  it('answers NOT_FOUND for unknown participations', async () => {
    for (const id of [crypto.randomUUID(), 'nope']) {
      expect((await subgraph.query(DECIDE, { id, accept: true })).errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect((await subgraph.query(WITHDRAW, { id })).errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it("pages through a campaign's participations, newest first, filtered by status", async () => {
    const campaignId = await campaignIn(subgraph, 'SCHEDULED');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await applied(campaignId));
    await subgraph.query(DECIDE, { id: ids[1], accept: true });
    await subgraph.query(DECIDE, { id: ids[3], accept: true });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await subgraph.query(PARTICIPATIONS_OF, { id: campaignId, first: 2, after });
      seen.push(...page.data.campaign.participations.nodes.map((node: { id: string }) => node.id));
      after = page.data.campaign.participations.pageInfo.hasNextPage ? page.data.campaign.participations.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([...ids].reverse());
    const accepted = await subgraph.query(PARTICIPATIONS_OF, { id: campaignId, status: 'ACCEPTED' });
    expect(accepted.data!['campaign'].participations.nodes.map((node: { id: string }) => node.id)).toEqual([ids[3], ids[1]]);
    const bad = await subgraph.query(PARTICIPATIONS_OF, { id: campaignId, after: 'garbage' });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
