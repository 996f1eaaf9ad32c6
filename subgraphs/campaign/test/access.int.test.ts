import { ANONYMOUS } from '@gametriggers/auth';
import type { Viewer } from '@gametriggers/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import {
  APPLY,
  CREATE_CAMPAIGN,
  TRANSITION,
  answerCheck,
  knownStreamer,
  answerReservation,
  brandIds,
  campaignIn,
  campaignInput,
  streamerId as newStreamerId,
} from './factories';

const brand = (id: string): Viewer => ({ kind: 'BRAND', entityId: id, accountId: crypto.randomUUID(), scopes: [] });
const streamer = (id: string): Viewer => ({ kind: 'STREAMER', entityId: id, accountId: crypto.randomUUID(), scopes: [] });
const owner = brand(brandIds.a);
const otherBrand = brand(brandIds.b);

const READ = `query($id: ID!) { campaign(id: $id) { id status } }`;
const MONEY = `query($id: ID!) { campaign(id: $id) { id budget { amountMinor } spent { amountMinor } } }`;
const PARTICIPATION = `query($id: ID!) { participation(id: $id) { id status earnings { amountMinor } } }`;
const DECIDE = `mutation($id: ID!) { decideParticipation(id: $id, accept: true) { id status } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawParticipation(id: $id) { id status } }`;
const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Campaign { id name } } }`;
const STREAMER_PARTICIPATIONS = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Streamer { participations(first: 5) { nodes { id } } } }
}`;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
});
afterAll(() => subgraph?.stop());

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.['code'];

describe('who may do what with campaigns', () => {
  it('lets a brand create campaigns for itself only', async () => {
    const input = campaignInput();
    expect(codeOf(await subgraph.query(CREATE_CAMPAIGN, { input }, ANONYMOUS))).toBe('UNAUTHENTICATED');
    expect(codeOf(await subgraph.query(CREATE_CAMPAIGN, { input }, streamer(newStreamerId())))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph.query(CREATE_CAMPAIGN, { input }, otherBrand))).toBe('FORBIDDEN');
    const created = await subgraph.query(CREATE_CAMPAIGN, { input }, owner);
    expect(created.errors).toBeUndefined();
  });

  it('hides a campaign before approval from everyone but its brand and admins, in lists and references too', async () => {
    const draft = await campaignIn(subgraph, 'DRAFT');
    const approved = await campaignIn(subgraph, 'APPROVED');
    for (const viewer of [ANONYMOUS, otherBrand, streamer(newStreamerId())]) {
      const read = await subgraph.query(READ, { id: draft }, viewer);
      expect(read.data!['campaign']).toBeNull();
      expect(codeOf(read)).toBe('NOT_FOUND');
      expect((await subgraph.query(READ, { id: approved }, viewer)).data!['campaign']).toMatchObject({ id: approved });
      const listed = await subgraph.query(`{ campaigns(first: 100) { nodes { id } } }`, {}, viewer);
      const ids = listed.data!['campaigns'].nodes.map((node: { id: string }) => node.id);
      expect(ids).toContain(approved);
      expect(ids).not.toContain(draft);
      const entities = await subgraph.query(ENTITIES, { representations: [{ __typename: 'Campaign', id: draft }] }, viewer);
      expect(entities.data!['_entities']).toEqual([null]);
    }
    expect((await subgraph.query(READ, { id: draft }, owner)).data!['campaign']).toMatchObject({ status: 'DRAFT' });
  });

  it('shows budget and spend to the owning brand and admins only', async () => {
    const id = await campaignIn(subgraph, 'APPROVED');
    expect(codeOf(await subgraph.query(MONEY, { id }, ANONYMOUS))).toBe('UNAUTHENTICATED');
    const stranger = await subgraph.query(MONEY, { id }, otherBrand);
    expect(codeOf(stranger)).toBe('FORBIDDEN');
    expect(JSON.stringify(stranger)).not.toContain('5000000'); // the budget does not leak through the error
    expect((await subgraph.query(MONEY, { id }, owner)).data!['campaign'].budget.amountMinor).toBe(5_000_000);
    expect((await subgraph.query(MONEY, { id }, testAdmin)).errors).toBeUndefined();
  });

  it('leaves review, start and completion to admins; the brand submits, pauses and cancels', async () => {
    const id = await campaignIn(subgraph, 'DRAFT');
    expect(codeOf(await subgraph.query(TRANSITION, { id, to: 'SUBMITTED' }, otherBrand))).toBe('NOT_FOUND');
    expect((await subgraph.query(TRANSITION, { id, to: 'SUBMITTED' }, owner)).errors).toBeUndefined();
    expect(codeOf(await subgraph.query(TRANSITION, { id, to: 'IN_REVIEW' }, owner))).toBe('FORBIDDEN');
    expect((await subgraph.query(TRANSITION, { id, to: 'IN_REVIEW' }, testAdmin)).errors).toBeUndefined();
    expect(codeOf(await subgraph.query(TRANSITION, { id, to: 'APPROVED' }, owner))).toBe('FORBIDDEN');
    await answerReservation(subgraph, id); // approval needs the budget reserved (funding.int.test.ts)
    expect((await subgraph.query(TRANSITION, { id, to: 'APPROVED' }, testAdmin)).errors).toBeUndefined();
    expect(codeOf(await subgraph.query(TRANSITION, { id, to: 'CANCELLED' }, otherBrand))).toBe('FORBIDDEN');
    expect((await subgraph.query(TRANSITION, { id, to: 'CANCELLED' }, owner)).data!['transitionCampaign'].status).toBe('CANCELLED');
  });

  it('lets streamers apply for themselves, the brand decide, the streamer withdraw, and only those involved see it', async () => {
    const campaignId = await campaignIn(subgraph, 'APPROVED');
    const kira = await knownStreamer(subgraph);
    const other = newStreamerId();
    expect(codeOf(await subgraph.query(APPLY, { campaignId, streamerId: kira }, streamer(other)))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph.query(APPLY, { campaignId, streamerId: kira }, owner))).toBe('FORBIDDEN');
    const applied = await subgraph.query(APPLY, { campaignId, streamerId: kira }, streamer(kira));
    expect(applied.errors).toBeUndefined();
    const id = applied.data!['applyToCampaign'].id as string;
    await answerCheck(subgraph, id);

    expect(codeOf(await subgraph.query(DECIDE, { id }, streamer(kira)))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph.query(DECIDE, { id }, otherBrand))).toBe('FORBIDDEN');
    expect((await subgraph.query(DECIDE, { id }, owner)).data!['decideParticipation'].status).toBe('ACCEPTED');

    for (const [viewer, code] of [
      [ANONYMOUS, 'UNAUTHENTICATED'],
      [otherBrand, 'FORBIDDEN'],
      [streamer(other), 'FORBIDDEN'],
    ] as const) {
      expect(codeOf(await subgraph.query(PARTICIPATION, { id }, viewer))).toBe(code);
      const theirs = await subgraph.query(STREAMER_PARTICIPATIONS, { representations: [{ __typename: 'Streamer', id: kira }] }, viewer);
      expect(codeOf(theirs)).toBe(code);
    }
    expect((await subgraph.query(PARTICIPATION, { id }, owner)).errors).toBeUndefined();
    expect((await subgraph.query(PARTICIPATION, { id }, streamer(kira))).errors).toBeUndefined();

    expect(codeOf(await subgraph.query(WITHDRAW, { id }, streamer(other)))).toBe('FORBIDDEN');
    expect((await subgraph.query(WITHDRAW, { id }, streamer(kira))).data!['withdrawParticipation'].status).toBe('WITHDRAWN');
  });
});
