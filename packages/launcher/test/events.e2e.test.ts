import { demoIds } from '@gametriggers/prisma-tools';
import { graphql } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from './sign-in';
import { startStackFixture } from './stack-fixture';
import type { StackFixture } from './stack-fixture';

const CREATE = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id status } }`;
const TRANSITION = `mutation($id: ID!, $to: CampaignStatus!) { transitionCampaign(id: $id, to: $to) { id status } }`;
const APPLY = `mutation($campaignId: ID!, $streamerId: ID!) { applyToCampaign(campaignId: $campaignId, streamerId: $streamerId) { id status } }`;
const DECIDE = `mutation($id: ID!, $accept: Boolean!) { decideParticipation(id: $id, accept: $accept) { id status } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawParticipation(id: $id) { id status } }`;
const CONFLICTS = `query($id: ID!) { campaign(id: $id) { id name conflicts {
  severity reason rule { name type } conflictingCampaign { id name brand { companyName } } } } }`;

interface Conflict {
  severity: string;
  reason: string;
  rule: { name: string; type: string };
  conflictingCampaign: { id: string; name: string; brand: { companyName: string } };
}

let fixture: StackFixture;
let url: string;
/** Bookings for two brands and a streamer: the platform's admin does them all. */
let admin: Record<string, string>;
beforeAll(async () => {
  fixture = await startStackFixture();
  url = fixture.stack.routerUrl;
  admin = await signInAs(url, 'admin');
}, 120_000);
afterAll(async () => {
  await fixture?.stop();
});

async function ok(query: string, variables: Record<string, unknown>) {
  const result = await graphql(url, query, variables, admin);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** A campaign created through the router and walked to ACTIVE, with `streamerId` accepted; returns both ids. */
async function activeCampaignBooking(input: Record<string, unknown>, streamerId: string) {
  const campaignId = (await ok(CREATE, { input }))['createCampaign'].id as string;
  await ok(TRANSITION, { id: campaignId, to: 'SUBMITTED' });
  // The wallet reserves the budget and the conflict engine reviews the submission, both through events.
  const reviewed = await campaignWhen(campaignId, (campaign) => campaign.funding.status === 'RESERVED' && campaign.status !== 'SUBMITTED');
  const path = reviewed.status === 'IN_REVIEW' ? ['APPROVED', 'SCHEDULED', 'ACTIVE'] : ['SCHEDULED', 'ACTIVE'];
  for (const to of path) await ok(TRANSITION, { id: campaignId, to });
  const participationId = (await ok(APPLY, { campaignId, streamerId }))['applyToCampaign'].id as string;
  expect((await ok(DECIDE, { id: participationId, accept: true }))['decideParticipation'].status).toBe('ACCEPTED');
  return { campaignId, participationId };
}

/** Polls the campaign's status and funding through the router until `done` holds. */
async function campaignWhen(
  campaignId: string,
  done: (campaign: { status: string; funding: { status: string } }) => boolean,
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const campaign = (await ok(`query($id: ID!) { campaign(id: $id) { status funding { status } } }`, { id: campaignId }))['campaign'];
    if (done(campaign)) return campaign as { status: string; funding: { status: string } };
    if (Date.now() > deadline) throw new Error(`campaign ${campaignId} still ${JSON.stringify(campaign)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls Campaign.conflicts through the router until `done` holds, for at most `timeoutMs`. */
async function conflictsWhen(campaignId: string, done: (conflicts: Conflict[]) => boolean, timeoutMs = 10_000): Promise<Conflict[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const conflicts = (await ok(CONFLICTS, { id: campaignId }))['campaign'].conflicts as Conflict[];
    if (done(conflicts)) return conflicts;
    if (Date.now() > deadline) throw new Error(`conflicts of ${campaignId} still ${JSON.stringify(conflicts)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const campaignInput = (brandId: string, name: string, startsAt: string, endsAt: string, currency: string) => ({
  brandId,
  name,
  description: 'Booked through the API; its facts reach the conflict subgraph as events.',
  schedule: { startsAt, endsAt },
  // In a currency the brand's demo wallet holds: the submission reserves the budget there.
  budget: { amount: '2000', currency },
  pricing: { model: 'CPM', rate: { amount: '10', currency } },
  // Categories and platforms that no seeded category or exclusivity rule concerns: only the double-booking can apply.
  targeting: { platforms: ['YOUTUBE'], categories: ['strategy'] },
});

describe('campaign facts follow the campaign subgraph through events', () => {
  it("shows the seeded double-booking rule's TIME_OVERLAP between two brands' campaigns booked through the router, and drops it when the streamer withdraws", async () => {
    const streamer = demoIds.streamers.lunastreams;
    // 2028: after every demo campaign, so the seeded facts conflict with neither.
    const summer = await activeCampaignBooking(
      campaignInput(demoIds.brands.voltage, 'Voltage Spring Relay', '2028-03-01T00:00:00.000Z', '2028-05-01T00:00:00.000Z', 'USD'),
      streamer,
    );
    const launch = await activeCampaignBooking(
      campaignInput(demoIds.brands.pixelforge, 'PixelForge K8 Launch', '2028-04-15T00:00:00.000Z', '2028-06-01T00:00:00.000Z', 'EUR'),
      streamer,
    );

    const found = await conflictsWhen(summer.campaignId, (conflicts) => conflicts.length > 0);
    expect(found).toEqual([
      {
        severity: 'BLOCK',
        reason: `Both campaigns book streamer ${streamer} from 2028-04-15 00:00 UTC to 2028-05-01 00:00 UTC (16 days of overlap).`,
        rule: { name: 'Streamer double-booking', type: 'TIME_OVERLAP' },
        conflictingCampaign: { id: launch.campaignId, name: 'PixelForge K8 Launch', brand: { companyName: expect.any(String) } },
      },
    ]);
    const other = await conflictsWhen(launch.campaignId, (conflicts) => conflicts.length > 0);
    expect(other.map((conflict) => [conflict.rule.type, conflict.conflictingCampaign.id])).toEqual([['TIME_OVERLAP', summer.campaignId]]);

    await ok(WITHDRAW, { id: launch.participationId });
    expect(await conflictsWhen(summer.campaignId, (conflicts) => conflicts.length === 0)).toEqual([]);
    expect(await conflictsWhen(launch.campaignId, (conflicts) => conflicts.length === 0)).toEqual([]);

    // Every event was published and handled: nothing left in the outbox, nothing dead-lettered.
    const relay = fixture.stack.started.find((subgraph) => subgraph.name === 'campaign')!.relay!;
    await relay.drain(10_000);
    expect(await relay.pending()).toBe(0);
    expect(await fixture.stack.events.deadLetters('conflict')).toEqual([]);
  });
});
