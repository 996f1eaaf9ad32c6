import { demoIds } from '@gametriggers/prisma-tools';
import { graphql } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from './sign-in';
import { startStackFixture } from './stack-fixture';
import type { StackFixture } from './stack-fixture';

let fixture: StackFixture;
let url: string;
let brand: Record<string, string>;
let streamer: Record<string, string>;
let admin: Record<string, string>;
beforeAll(async () => {
  fixture = await startStackFixture();
  url = fixture.stack.routerUrl;
  [brand, streamer, admin] = await Promise.all([signInAs(url, 'pixelforge'), signInAs(url, 'lunastreams'), signInAs(url, 'admin')]);
}, 120_000);
afterAll(async () => {
  await fixture?.stop();
});

/** Runs an operation through the router as `who`; fails the test on any error. */
async function ok(who: Record<string, string>, query: string, variables: Record<string, unknown> = {}) {
  const result = await graphql(url, query, variables, who);
  if (result.errors) throw new Error(`${query.trim().split('\n')[0]}: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Luna streams city builders in the Netherlands, booked only on PixelForge's own launch campaign
// (a brand's campaigns never conflict with each other), so the conflict check allows her.
const luna = demoIds.streamers.lunastreams;

describe('a campaign from creation to paid delivery, through the router', () => {
  it('is funded, created and submitted by its brand, approved, applied to, checked, accepted, started, shown on an overlay, measured, and completed', async () => {
    const now = Date.now();
    // PixelForge keeps euros; a USD payment of 150 reaches its wallet first.
    await ok(admin, `mutation($input: DepositFundsInput!) { depositFunds(input: $input) { id } }`, {
      input: {
        brandId: demoIds.brands.pixelforge,
        amount: { amount: '150', currency: 'USD' },
        idempotencyKey: `flow-deposit-${now}`,
        reference: `pay_${now}`,
      },
    });
    const usd = async () => {
      const data = await ok(
        brand,
        `query($id: ID!) { brand(id: $id) { wallet { balances { currency available { amountMinor } held { amountMinor } } } } }`,
        {
          id: demoIds.brands.pixelforge,
        },
      );
      const balance = (
        data['brand'].wallet.balances as { currency: string; available: { amountMinor: number }; held: { amountMinor: number } }[]
      ).find((row) => row.currency === 'USD');
      return { available: balance?.available.amountMinor ?? 0, held: balance?.held.amountMinor ?? 0 };
    };
    expect(await usd()).toEqual({ available: 15000, held: 0 });
    const created = await ok(brand, `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id status } }`, {
      input: {
        brandId: demoIds.brands.pixelforge,
        name: 'PixelForge Aim Week',
        description: 'The K8 mouse on screen during city-builder streams.',
        schedule: { startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 7_200_000).toISOString() },
        budget: { amount: '100', currency: 'USD' },
        pricing: { model: 'CPM', rate: { amount: '10', currency: 'USD' } },
        targeting: { platforms: ['TWITCH'], categories: ['simulation'], countries: ['NL'], minAverageViewers: 1000 },
        landingUrl: 'https://pixelforge.example/k8',
      },
    });
    const campaignId = created['createCampaign'].id as string;
    const status = async () => (await ok(brand, `query($id: ID!) { campaign(id: $id) { status } }`, { id: campaignId }))['campaign'].status;
    const move = (who: Record<string, string>, to: string) =>
      ok(who, `mutation($id: ID!, $to: CampaignStatus!) { transitionCampaign(id: $id, to: $to) { status } }`, { id: campaignId, to });

    await move(brand, 'SUBMITTED');
    // The review: brands cannot approve their own campaigns; an admin does.
    expect(
      (await graphql(url, `mutation { transitionCampaign(id: "${campaignId}", to: IN_REVIEW) { status } }`, {}, brand)).errors![0]!
        .extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    // Submitting reserves the budget in the brand's wallet; the conflict engine reviews it meanwhile.
    const reviewed = await until(
      'the budget to be reserved and the review done',
      async () => (await ok(brand, `query($id: ID!) { campaign(id: $id) { status funding { status } } }`, { id: campaignId }))['campaign'],
      (value) => value.funding.status === 'RESERVED' && value.status !== 'SUBMITTED',
    );
    expect(await usd()).toEqual({ available: 5000, held: 10000 });
    if (reviewed.status === 'IN_REVIEW') await move(admin, 'APPROVED'); // the engine warned: an admin decides
    expect(await status()).toBe('APPROVED');

    // Luna's profile meets the targeting: the campaign is among her eligible ones, and she applies.
    const eligible = await ok(streamer, `query($id: ID!) { streamer(id: $id) { eligibleCampaigns(first: 100) { nodes { id } } } }`, {
      id: luna,
    });
    expect(eligible['streamer'].eligibleCampaigns.nodes.map((node: { id: string }) => node.id)).toContain(campaignId);
    const applied = await ok(streamer, `mutation($c: ID!, $s: ID!) { applyToCampaign(campaignId: $c, streamerId: $s) { id status } }`, {
      c: campaignId,
      s: luna,
    });
    const participationId = applied['applyToCampaign'].id as string;
    // The conflict engine checks the application (through events) before the brand may accept it.
    const checked = await until(
      'the conflict check of the application',
      async () =>
        (await ok(brand, `query($id: ID!) { participation(id: $id) { check { decision } } }`, { id: participationId }))['participation'],
      (value) => value.check !== null,
    );
    expect(checked.check.decision).toBe('ALLOW');
    await ok(brand, `mutation($id: ID!) { decideParticipation(id: $id, accept: true) { status } }`, { id: participationId });

    // Scheduled with a start already past: the campaign's start job activates it.
    await move(brand, 'SCHEDULED');
    await until('the campaign to start', status, (value) => value === 'ACTIVE');

    // The overlay link points at the router, which serves the overlay page and takes its samples.
    const links = await ok(streamer, `query($id: ID!) { participation(id: $id) { links { overlayUrl clickUrl } } }`, {
      id: participationId,
    });
    const { overlayUrl, clickUrl } = links['participation'].links as { overlayUrl: string; clickUrl: string };
    expect(overlayUrl.startsWith(new URL(url).origin)).toBe(true);
    const page = await fetch(overlayUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('PixelForge Aim Week');
    const sample = await fetch(`${overlayUrl}/samples`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sampleId: crypto.randomUUID(), viewers: 2000 }),
    });
    // 2,000 viewers for a minute at $10 per 1,000 view-minutes: $20.
    expect(await sample.json()).toMatchObject({ delivery: { status: 'PAID', costMinor: '2000' } });
    expect((await fetch(clickUrl, { redirect: 'manual' })).headers.get('location')).toMatch(/^https:\/\/pixelforge\.example\/k8\?/);

    // The delivery travels as an event to analytics; the brand sees metrics and spend, Luna her earnings.
    const metrics = await until(
      'the metrics to count the sample',
      async () =>
        (
          await ok(
            brand,
            `query($id: ID!) { campaign(id: $id) { spent { amountMinor } metrics { impressions viewMinutes clicks spend { amountMinor } } } }`,
            { id: campaignId },
          )
        )['campaign'],
      (value) => value.metrics?.viewMinutes === 2000,
    );
    expect(metrics).toMatchObject({
      spent: { amountMinor: 2000 },
      metrics: { impressions: 1, viewMinutes: 2000, spend: { amountMinor: 2000 } },
    });
    const earnings = await ok(streamer, `query($id: ID!) { participation(id: $id) { earnings { amountMinor currency } } }`, {
      id: participationId,
    });
    expect(earnings['participation'].earnings).toEqual({ amountMinor: 2000, currency: 'USD' });

    // Completed: the wallet gives back what was not spent and keeps the $20 in review for Luna.
    await move(admin, 'COMPLETED');
    expect(await until('the unspent budget to come back', usd, (value) => value.available === 13000)).toEqual({
      available: 13000,
      held: 2000,
    });
  });
});
