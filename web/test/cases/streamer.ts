import { demoIds } from '@gametriggers/prisma-tools';
import { graphql } from '@gametriggers/testkit';
import { print } from 'graphql';
import { expect, it } from 'vitest';
import { StreamerDashboardDocument } from '../../src/gql/graphql';
import type { StreamerDashboardQuery } from '../../src/gql/graphql';
import { formatMoney, sumMoney } from '../../src/lib/format';
import { expectHeading, signInAs, signInThroughPage } from '../support/web-fixture';
import type { WebFixture } from '../support/web-fixture';

export function streamerCases(web: () => WebFixture): void {
  it('shows a signed-in streamer their participations, earnings, overlay link and eligible campaigns', async () => {
    const { webUrl, routerUrl, newPage, serverOutput } = web();
    const expected = await graphql<StreamerDashboardQuery>(
      routerUrl,
      print(StreamerDashboardDocument),
      { streamerId: demoIds.streamers.kiraplays },
      await signInAs(routerUrl, 'kiraplays'),
    );
    expect(expected.errors).toBeUndefined();
    const streamer = expected.data!.streamer!;
    const summer = streamer.participations.nodes.find((participation) => participation.id === demoIds.participations.kiraVoltageSummer)!;
    expect(summer.status).toBe('ACCEPTED');

    const { context, page, errors } = await newPage();
    await signInThroughPage(page, webUrl, 'kiraplays');
    await expectHeading(page, streamer.displayName, serverOutput);
    const cards = page.locator('.participation');
    expect(await cards.count()).toBe(streamer.participations.nodes.length);
    const card = cards.filter({ has: page.getByRole('heading', { name: 'Voltage Summer Clash' }) });
    expect(await card.textContent()).toContain(formatMoney(summer.earnings));
    expect(await card.getByLabel('Overlay link', { exact: true }).inputValue()).toBe(summer.links.overlayUrl);
    expect(summer.links.overlayUrl).toMatch(/\/overlay\//);
    for (const total of sumMoney(streamer.participations.nodes.map((participation) => participation.earnings))) {
      expect(await page.locator('section', { hasText: 'Earnings' }).textContent()).toContain(formatMoney(total));
    }
    const eligible = page.locator('section', { has: page.getByRole('heading', { name: 'Campaigns you can apply to' }) });
    // Eligible campaigns she has not applied to yet (Voltage Summer is eligible, and she is in it).
    const joined = new Set(streamer.participations.nodes.map((participation) => participation.campaign.id));
    expect(streamer.eligibleCampaigns.nodes.map((campaign) => campaign.id)).toContain(demoIds.campaigns.voltageSummer);
    for (const campaign of streamer.eligibleCampaigns.nodes) {
      const count = await eligible.getByRole('link', { name: campaign.name, exact: true }).count();
      expect(count, campaign.name).toBe(joined.has(campaign.id) ? 0 : 1);
    }
    // Nothing about budgets on a streamer's page.
    expect((await page.locator('main').textContent()) ?? '').not.toContain('Budget');
    await page.screenshot({ path: '/tmp/web-e2e-streamer.png', fullPage: true });

    // Keyboard: the copy button of the overlay link is reachable and labelled.
    await card.getByLabel('Overlay link', { exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Copy overlay link');
    expect(errors).toEqual([]);
    await context.close();
  });
}
