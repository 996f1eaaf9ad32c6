import { randomUUID } from 'node:crypto';
import { graphql } from '@gametriggers/testkit';
import type { BrowserContext } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAccounts, signInThroughPage } from '../support/web-fixture';
import type { WebFixture } from '../support/web-fixture';

const REFRESH = `mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken } }`;

async function sessionCookies(context: BrowserContext) {
  const cookies = await context.cookies();
  return { access: cookies.find((cookie) => cookie.name === 'gt_access'), refresh: cookies.find((cookie) => cookie.name === 'gt_refresh') };
}

/** The access token with other claims and its old signature: the router refuses it. */
function forged(accessToken: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = accessToken.split('.');
  const changed = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')), ...claims };
  return `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
}

export function sessionCases(web: () => WebFixture): void {
  it('refuses a wrong password with one message for every case, and sets no cookie', async () => {
    const { webUrl, newPage } = web();
    const { context, page, errors } = await newPage();
    const messages: string[] = [];
    for (const email of [demoAccounts.voltage.email, `nobody-${randomUUID()}@example.com`, demoAccounts.kiraplays.email]) {
      await page.goto(`${webUrl}/brand/sign-in`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('not-the-password-2026');
      await page.getByRole('button', { name: 'Sign in' }).click();
      // The form's own alert (Next.js' route announcer is an alert too).
      const alert = page.locator('form [role="alert"]');
      await alert.waitFor();
      messages.push((await alert.textContent()) ?? '');
      // Focus moves to the message, which screen readers also announce (role="alert").
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sign-in-error');
      expect(page.url()).toBe(`${webUrl}/brand/sign-in`);
      expect(await page.getByLabel('Email').inputValue()).toBe(email);
      expect(await page.getByLabel('Password').inputValue()).toBe('');
    }
    // A wrong password, an unknown email and a streamer's email on the brand page: all alike.
    expect(messages).toEqual(Array(3).fill('The email or password is not correct.'));
    await page.screenshot({ path: '/tmp/web-e2e-sign-in.png', fullPage: true });
    expect(await sessionCookies(context)).toEqual({ access: undefined, refresh: undefined });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the tokens in httpOnly SameSite=Lax cookies the page cannot read, and refreshes them transparently', async () => {
    const { webUrl, routerUrl, newPage } = web();
    const { context, page, errors } = await newPage();
    await signInThroughPage(page, webUrl, 'voltage');
    const first = await sessionCookies(context);
    for (const cookie of [first.access!, first.refresh!]) {
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
    }
    expect(await page.evaluate(() => document.cookie)).not.toMatch(/gt_/);
    // The socket's token endpoint: the access token only, and only to this site.
    const token = await page.evaluate(() => fetch('/session/token').then((response) => response.text()));
    expect(token).toContain(first.access!.value);
    expect(token).not.toContain(first.refresh!.value);
    const crossSite = await fetch(`${webUrl}/session/token`, {
      headers: { cookie: `gt_access=${first.access!.value}`, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);

    // 1. The access cookie expired (the browser dropped it): renewed before the page renders.
    await context.clearCookies({ name: 'gt_access' });
    await page.goto(`${webUrl}/brand`);
    await page.getByRole('heading', { level: 1, name: 'Voltage Energy' }).waitFor();
    const second = await sessionCookies(context);
    expect(second.access?.value).toBeDefined();
    expect(second.refresh!.value).not.toBe(first.refresh!.value);

    // 2. An access token past its expiry (here a forged one: the router never sees it).
    const past = Math.floor(Date.now() / 1000) - 60;
    await context.addCookies([{ ...second.access!, value: forged(second.access!.value, { exp: past }) }]);
    await page.goto(`${webUrl}/brand`);
    await page.getByRole('heading', { level: 1, name: 'Voltage Energy' }).waitFor();
    const third = await sessionCookies(context);
    expect(third.refresh!.value).not.toBe(second.refresh!.value);
    expect(third.access!.value).not.toContain(forged(second.access!.value, { exp: past }).split('.')[1]!);

    // 3. A token the router refuses though it looks valid (e.g. identity's key changed): the page
    //    renews the session through /session/refresh and comes back.
    const issuedLongAgo = { iat: Math.floor(Date.now() / 1000) - 600, exp: Math.floor(Date.now() / 1000) + 600 };
    await context.addCookies([{ ...third.access!, value: forged(third.access!.value, issuedLongAgo) }]);
    await page.goto(`${webUrl}/brand`);
    await page.getByRole('heading', { level: 1, name: 'Voltage Energy' }).waitFor();
    expect(page.url()).toBe(`${webUrl}/brand`);
    const fourth = await sessionCookies(context);
    expect(fourth.refresh!.value).not.toBe(third.refresh!.value);

    // The newest refresh token is the live one: the session still works at identity.
    const renewed = await graphql(routerUrl, REFRESH, { refreshToken: fourth.refresh!.value });
    expect(renewed.errors).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs out: cookies cleared, the refresh token revoked, protected pages back to sign-in', async () => {
    const { webUrl, routerUrl, newPage } = web();
    const { context, page, errors } = await newPage();
    await signInThroughPage(page, webUrl, 'kiraplays');
    const { refresh } = await sessionCookies(context);
    // The page stayed open until its access token expired: signing out renews the session first
    // (the proxy, on the action's request) to end it with a valid token.
    await context.clearCookies({ name: 'gt_access' });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${webUrl}/streamer/sign-in?reason=signed-out`);
    expect(await page.getByRole('status').filter({ hasText: 'You are signed out.' }).count()).toBe(1);
    expect(await sessionCookies(context)).toEqual({ access: undefined, refresh: undefined });
    const reused = await graphql(routerUrl, REFRESH, { refreshToken: refresh!.value });
    expect(reused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    await page.goto(`${webUrl}/streamer`);
    expect(page.url()).toBe(`${webUrl}/streamer/sign-in?next=%2Fstreamer`);
    // Signing in again goes back to the page asked for.
    await page.getByLabel('Email').fill(demoAccounts.kiraplays.email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${webUrl}/streamer`);
    expect(errors).toEqual([]);
    await context.close();
  });
}
