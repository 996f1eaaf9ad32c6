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
const PARTICIPATION = `query($id: ID!) { participation(id: $id) { id status check { decision notes } } }`;

interface Application {
  id: string;
  status: string;
  check: { decision: string; notes: string[] } | null;
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

/** A campaign created through the router and walked to ACTIVE (budget reserved, review passed); returns its id. */
async function activeCampaign(input: Record<string, unknown>): Promise<string> {
  const campaignId = (await ok(CREATE, { input }))['createCampaign'].id as string;
  await ok(TRANSITION, { id: campaignId, to: 'SUBMITTED' });
  // The wallet reserves the budget and the conflict engine reviews the submission, both through events.
  const reviewed = await campaignWhen(campaignId, (campaign) => campaign.funding.status === 'RESERVED' && campaign.status !== 'SUBMITTED');
  const path = reviewed.status === 'IN_REVIEW' ? ['APPROVED', 'SCHEDULED', 'ACTIVE'] : ['SCHEDULED', 'ACTIVE'];
  for (const to of path) await ok(TRANSITION, { id: campaignId, to });
  return campaignId;
}

/** The streamer applies; returns the participation once the conflict engine has checked it (through events). */
async function checkedApplication(campaignId: string, streamerId: string): Promise<Application> {
  const participationId = (await ok(APPLY, { campaignId, streamerId }))['applyToCampaign'].id as string;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const participation = (await ok(PARTICIPATION, { id: participationId }))['participation'] as Application;
    if (participation.check) return participation;
    if (Date.now() > deadline) throw new Error(`participation ${participationId} still unchecked`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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

const campaignInput = (brandId: string, name: string, startsAt: string, endsAt: string, currency: string) => ({
  brandId,
  name,
  description: 'Booked through the API; its facts reach the conflict subgraph as events.',
  schedule: { startsAt, endsAt },
  // In a currency the brand's demo wallet holds: the submission reserves the budget there.
  budget: { amount: '2000', currency },
  pricing: { model: 'CPM', rate: { amount: '10', currency } },
  // Luna's TikTok channel; categories and platforms that no seeded category or exclusivity rule concerns: only the double-booking can apply.
  targeting: { platforms: ['TIKTOK'], categories: ['simulation'] },
});

describe('campaign facts follow the campaign subgraph through events', () => {
  it('checks each application against the campaigns the streamer is booked on: the seeded double-booking rule rejects an overlapping one, and allows it again once the streamer withdrew', async () => {
    const streamer = demoIds.streamers.lunastreams;
    // 2028: after every demo campaign, so the seeded facts conflict with none of these.
    const spring = await activeCampaign(
      campaignInput(demoIds.brands.voltage, 'Voltage Spring Relay', '2028-03-01T00:00:00.000Z', '2028-05-01T00:00:00.000Z', 'USD'),
    );
    const launch = await activeCampaign(
      campaignInput(demoIds.brands.pixelforge, 'PixelForge K8 Launch', '2028-04-15T00:00:00.000Z', '2028-06-01T00:00:00.000Z', 'EUR'),
    );
    const relaunch = await activeCampaign(
      campaignInput(demoIds.brands.pixelforge, 'PixelForge K8 Relaunch', '2028-04-20T00:00:00.000Z', '2028-06-01T00:00:00.000Z', 'EUR'),
    );

    const booked = await checkedApplication(spring, streamer);
    expect(booked.check).toEqual({ decision: 'ALLOW', notes: [] });
    expect((await ok(DECIDE, { id: booked.id, accept: true }))['decideParticipation'].status).toBe('ACCEPTED');

    // The booking reached the conflict engine as an event: an overlapping application is blocked.
    const blocked = await checkedApplication(launch, streamer);
    expect(blocked).toMatchObject({
      status: 'REJECTED',
      check: {
        decision: 'BLOCK',
        notes: [
          `BLOCK Streamer double-booking: Both campaigns book streamer ${streamer} from 2028-04-15 00:00 UTC to 2028-05-01 00:00 UTC (16 days of overlap).`,
        ],
      },
    });

    // So does the withdrawal: the streamer is free again.
    await ok(WITHDRAW, { id: booked.id });
    const allowed = await checkedApplication(relaunch, streamer);
    expect(allowed).toMatchObject({ status: 'APPLIED', check: { decision: 'ALLOW' } });

    // Every event was published and handled: nothing left in the outbox, nothing dead-lettered.
    const relay = fixture.stack.started.find((subgraph) => subgraph.name === 'campaign')!.relay!;
    await relay.drain(10_000);
    expect(await relay.pending()).toBe(0);
    expect(await fixture.stack.events.deadLetters('conflict')).toEqual([]);
    expect(await fixture.stack.events.deadLetters('campaign')).toEqual([]);
    expect(await fixture.stack.events.deadLetters('wallet')).toEqual([]);
  });
});
