import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { CAMPAIGN_TRANSITIONS } from '../src/campaign/campaign-transitions';
import { PATH_TO, TRANSITION, answerReservation, campaignIn } from './factories';
import { whileRowLocked } from './row-lock';

const STATUSES = Object.keys(PATH_TO);
const READ_STATUS = `query($id: ID!) { campaign(id: $id) { status } }`;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

describe('campaign state machine over GraphQL', () => {
  // Every status x every target: a fresh campaign walked to `from` through the API, then asked to become `to`.
  describe.each(STATUSES)('from %s', (from) => {
    const allowed: readonly string[] = CAMPAIGN_TRANSITIONS[from as keyof typeof CAMPAIGN_TRANSITIONS];

    it.each(STATUSES)(`to %s`, async (to) => {
      const id = await campaignIn(subgraph, from);
      // Approval also needs the budget reserved (funding.int.test.ts): the wallet's answer comes first.
      if (to === 'APPROVED' && (from === 'SUBMITTED' || from === 'IN_REVIEW')) await answerReservation(subgraph, id);
      const result = await subgraph.query(TRANSITION, { id, to });
      if (allowed.includes(to)) {
        expect(result.errors).toBeUndefined();
        expect(result.data!['transitionCampaign']).toEqual({ id, status: to });
        expect((await subgraph.query(READ_STATUS, { id })).data!['campaign'].status).toBe(to);
      } else {
        expect(result.data).toBeNull();
        expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
        expect((await subgraph.query(READ_STATUS, { id })).data!['campaign'].status).toBe(from);
      }
    });
  });

  it('lets exactly one of 10 concurrent transitions from one status win', async () => {
    const id = await campaignIn(subgraph, 'DRAFT');
    // All ten read DRAFT while the row is held, then race to write it.
    const results = await whileRowLocked(subgraph.databaseUrl, 'Campaign', id, 10, () =>
      Promise.all(Array.from({ length: 10 }, () => subgraph.query(TRANSITION, { id, to: 'SUBMITTED' }))),
    );
    const winners = results.filter((result) => !result.errors);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((result) => result.errors)) {
      expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(loser.errors![0]!.extensions!['code']);
      expect(loser.errors![0]!.extensions!['field']).toBe('to');
    }
    expect((await subgraph.query(READ_STATUS, { id })).data!['campaign'].status).toBe('SUBMITTED');
  });

  it('lets exactly one of 10 concurrent transitions to different final statuses win', async () => {
    const id = await campaignIn(subgraph, 'ACTIVE');
    const targets = ['COMPLETED', 'CANCELLED'];
    const results = await whileRowLocked(subgraph.databaseUrl, 'Campaign', id, 10, () =>
      Promise.all(Array.from({ length: 10 }, (_, i) => subgraph.query(TRANSITION, { id, to: targets[i % 2] }))),
    );
    const winners = results.filter((result) => !result.errors);
    expect(winners).toHaveLength(1);
    const final = (await subgraph.query(READ_STATUS, { id })).data!['campaign'].status;
    expect(final).toBe(winners[0]!.data!['transitionCampaign'].status);
  });
});
