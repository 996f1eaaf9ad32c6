import { demoIds } from '@gametriggers/prisma-tools';
import { graphql } from '@gametriggers/testkit';
import { print } from 'graphql';
import { expect, it } from 'vitest';
import { BrandDashboardDocument } from '../../src/gql/graphql';
import type { BrandDashboardQuery } from '../../src/gql/graphql';
import { formatCount, formatMoney } from '../../src/lib/format';
import {
  DEMO_PASSWORD,
  demoAccounts,
  expectLiveImpressions,
  recordDelivery,
  signInAs,
  signInThroughPage,
  trackSockets,
} from '../support/web-fixture';
import type { WebFixture } from '../support/web-fixture';

export function brandCases(web: () => WebFixture): void {
  it('shows a signed-in brand its own campaigns with budget and spend, and updates their metrics live', async () => {
    const { webUrl, routerUrl, newPage } = web();
    const expected = await graphql<BrandDashboardQuery>(
      routerUrl,
      print(BrandDashboardDocument),
      { brandId: demoIds.brands.voltage },
      await signInAs(routerUrl, 'voltage'),
    );
    expect(expected.errors).toBeUndefined();
    const campaigns = expected.data!.brand!.campaigns.nodes;
    // Its draft too, which the public does not see.
    expect(campaigns.map((campaign) => campaign.id).sort()).toEqual(
      [demoIds.campaigns.voltageSummer, demoIds.campaigns.voltageNight].sort(),
    );

    const { context, page, errors } = await newPage();
    await trackSockets(context);
    const requests = { actions: 0, tokens: 0 };
    page.on('request', (request) => {
      if (request.headers()['next-action']) requests.actions += 1;
      if (new URL(request.url()).pathname === '/session/token') requests.tokens += 1;
    });
    await signInThroughPage(page, webUrl, 'voltage');
    await page.getByRole('heading', { level: 1, name: 'Voltage Energy' }).waitFor();
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(campaigns.length);
    for (const campaign of campaigns) {
      const cells = await page.locator(`tr[data-campaign-id="${campaign.id}"]`).locator('th, td').allTextContents();
      expect(cells, campaign.name).toEqual([
        campaign.name,
        expect.any(String),
        formatMoney(campaign.budget),
        formatMoney(campaign.spent),
        formatCount(campaign.metrics!.impressions),
        formatCount(campaign.metrics!.clicks),
        formatCount(campaign.metrics!.viewMinutes),
      ]);
    }
    // Another brand's campaigns are not listed.
    expect(await page.getByRole('link', { name: 'PixelForge K7 Keyboard Launch' }).count()).toBe(0);

    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: 15_000 });
    const impressions = page.locator(`tr[data-campaign-id="${demoIds.campaigns.voltageSummer}"] [data-metric="impressions"]`);
    await page.evaluate(() => ((window as unknown as { __e2eSameDocument: boolean }).__e2eSameDocument = true));
    const total = await expectLiveImpressions(routerUrl, demoIds.campaigns.voltageSummer, () => impressions.textContent(), formatCount);
    expect(await impressions.textContent()).toBe(formatCount(total));
    // Updated in place, not by reloading.
    expect(await page.evaluate(() => (window as unknown as { __e2eSameDocument?: boolean }).__e2eSameDocument)).toBe(true);
    await page.screenshot({ path: '/tmp/web-e2e-brand.png', fullPage: true });

    // The router closes a socket whose token expired with 4403: the page reconnects with a token
    // from /session/token and reloads the metrics, so a delivery recorded meanwhile still shows.
    const admin = await signInAs(routerUrl, 'admin');
    const before = { ...requests };
    await page.evaluate(() => (window as unknown as { __e2eSockets: WebSocket[] }).__e2eSockets.at(-1)!.close(4403, 'e2e: token expired'));
    const missed = await recordDelivery(routerUrl, demoIds.campaigns.voltageSummer, 500, admin);
    expect(missed.errors).toBeUndefined();
    const caughtUp = missed.data!.recordDeliveryMetrics.impressions;
    await expect.poll(() => impressions.textContent(), { timeout: 15_000, interval: 50 }).toBe(formatCount(caughtUp));
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    expect(requests.tokens).toBeGreaterThan(before.tokens);
    expect(requests.actions).toBeGreaterThan(before.actions);

    // The campaign page: budget and the live delivery panel, for its brand.
    await page.getByRole('link', { name: 'Voltage Summer Clash', exact: true }).click();
    await page.waitForURL(`**/campaigns/${demoIds.campaigns.voltageSummer}`);
    await page.getByRole('heading', { level: 2, name: 'Budget' }).waitFor();
    const summer = campaigns.find((campaign) => campaign.id === demoIds.campaigns.voltageSummer)!;
    expect(await page.locator('.budget').textContent()).toContain(formatMoney(summer.budget));
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: 15_000 });
    const panel = page.locator('.metric', { hasText: 'Impressions' }).locator('strong');
    expect(await panel.textContent()).toBe(formatCount(caughtUp));
    const after = await expectLiveImpressions(routerUrl, demoIds.campaigns.voltageSummer, () => panel.textContent(), formatCount);
    expect(after).toBeGreaterThan(caughtUp);
    await page.screenshot({ path: '/tmp/web-e2e.png', fullPage: true });

    // Another brand's public campaign: the public side only.
    await page.goto(`${webUrl}/campaigns/${demoIds.campaigns.pixelforgeLaunch}`);
    await page.getByRole('heading', { level: 1, name: 'PixelForge K7 Keyboard Launch' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Budget' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows an admin every campaign with its budget', async () => {
    const { webUrl, routerUrl, newPage } = web();
    const { context, page, errors } = await newPage();
    await signInThroughPage(page, webUrl, 'admin');
    await page.getByRole('heading', { level: 1, name: 'All campaigns' }).waitFor();
    for (const campaignId of Object.values(demoIds.campaigns)) {
      expect(await page.locator(`tr[data-campaign-id="${campaignId}"]`).count(), campaignId).toBe(1);
    }
    expect(await page.getByRole('columnheader', { name: 'Budget' }).count()).toBe(1);
    expect(await page.getByRole('columnheader', { name: 'Brand' }).count()).toBe(1);
    // An admin is not a brand: the brand pages ask for a brand account.
    await page.goto(`${webUrl}/brand`);
    expect(page.url()).toBe(`${webUrl}/brand/sign-in?next=%2Fbrand&reason=kind`);
    // Signing in as a brand from there replaces the admin's session, and ends it at identity.
    const adminRefresh = (await context.cookies()).find((cookie) => cookie.name === 'gt_refresh')!.value;
    await page.getByLabel('Email').fill(demoAccounts.voltage.email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${webUrl}/brand`);
    await page.getByRole('heading', { level: 1, name: 'Voltage Energy' }).waitFor();
    const reused = await graphql(
      routerUrl,
      `
        mutation ($token: String!) {
          refreshSession(refreshToken: $token) {
            accessToken
          }
        }
      `,
      {
        token: adminRefresh,
      },
    );
    expect(reused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(errors).toEqual([]);
    await context.close();
  });
}
