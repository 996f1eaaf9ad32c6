import { demoIds } from '@gametriggers/prisma-tools';
import { graphql } from '@gametriggers/testkit';
import { print } from 'graphql';
import { expect, it } from 'vitest';
import { AdminCampaignsDocument, PublicCampaignsDocument } from '../../src/gql/graphql';
import type { AdminCampaignsQuery, PublicCampaignsQuery } from '../../src/gql/graphql';
import { formatMoney } from '../../src/lib/format';
import { signInAs } from '../support/web-fixture';
import type { WebFixture } from '../support/web-fixture';

export function publicCases(web: () => WebFixture): void {
  it('shows the public landing page with public campaigns and no budgets', async () => {
    const { webUrl, routerUrl, newPage } = web();
    const expected = await graphql<PublicCampaignsQuery>(routerUrl, print(PublicCampaignsDocument), { first: 50 });
    expect(expected.errors).toBeUndefined();
    const campaigns = expected.data!.campaigns.nodes;
    // Anonymous visitors see public campaigns only: not Voltage's draft.
    expect(campaigns.map((campaign) => campaign.id)).toContain(demoIds.campaigns.voltageSummer);
    expect(campaigns.map((campaign) => campaign.id)).not.toContain(demoIds.campaigns.voltageNight);
    const admin = await graphql<AdminCampaignsQuery>(
      routerUrl,
      print(AdminCampaignsDocument),
      { first: 100 },
      await signInAs(routerUrl, 'admin'),
    );
    expect(admin.errors).toBeUndefined();

    const { context, page, errors } = await newPage();
    const response = await page.goto(webUrl);
    expect(response?.status()).toBe(200);
    expect(response?.headers()).toMatchObject({ 'x-frame-options': 'DENY', 'content-security-policy': "frame-ancestors 'none'" });
    await page.getByRole('heading', { level: 1, name: 'Sponsored moments for live game streams' }).waitFor();
    expect(await page.getByRole('link', { name: 'Brand sign in' }).getAttribute('href')).toBe('/brand/sign-in');
    expect(await page.getByRole('link', { name: 'Streamer sign in' }).getAttribute('href')).toBe('/streamer/sign-in');
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(campaigns.length);
    for (const campaign of campaigns) {
      const row = rows.filter({ has: page.getByRole('link', { name: campaign.name, exact: true }) });
      expect(await row.locator('td').first().textContent(), campaign.name).toBe(campaign.brand.companyName);
    }
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('Budget');
    for (const campaign of admin.data!.campaigns.nodes) expect(text).not.toContain(formatMoney(campaign.budget));

    // A public campaign page: its public side only.
    await page.getByRole('link', { name: 'Voltage Summer Clash', exact: true }).click();
    await page.waitForURL(`**/campaigns/${demoIds.campaigns.voltageSummer}`);
    await page.getByRole('heading', { level: 1, name: 'Voltage Summer Clash' }).waitFor();
    expect(await page.locator('.subtitle').textContent()).toContain('Voltage Energy');
    const detail = (await page.locator('main').textContent()) ?? '';
    expect(detail).not.toContain('Budget');
    expect(detail).not.toContain('Impressions');
    expect(await page.getByRole('link', { name: 'Sign in', exact: true }).count()).toBe(1);
    await page.goto(webUrl);
    await page.screenshot({ path: '/tmp/web-e2e-landing.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends anonymous visitors of protected pages to the sign-in page of that kind, and back afterwards', async () => {
    const { webUrl, newPage } = web();
    const { context, page } = await newPage();
    for (const segment of ['brand', 'streamer', 'admin']) {
      await page.goto(`${webUrl}/${segment}`);
      expect(page.url()).toBe(`${webUrl}/${segment}/sign-in?next=%2F${segment}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(`Sign in as an? ${segment}`) }).waitFor();
    }
    // A draft is not public: not found for anonymous visitors (its existence is not told).
    const draft = await page.goto(`${webUrl}/campaigns/${demoIds.campaigns.voltageNight}`);
    expect(draft?.status()).toBe(404);
    await context.close();
  });
}
