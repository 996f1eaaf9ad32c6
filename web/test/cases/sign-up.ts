import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WebFixture } from '../support/web-fixture';

const PASSWORD = 'Web-Signup-Pass-2026';

/** Fills the streamer sign-up form and submits it; resolves on the registration page. */
async function signUpStreamer(page: Page, webUrl: string, email: string, displayName: string): Promise<void> {
  await page.goto(`${webUrl}/streamer/sign-up`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Display name').fill(displayName);
  await page.getByLabel('Contact email').fill(email);
  await page.getByLabel('Audience country').fill('US');
  await page.getByLabel('Stream languages').fill('en');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/sign-up\/pending\?kind=streamer&account=/);
  await page.getByRole('heading', { level: 1, name: 'Your registration' }).waitFor();
}

export function signUpCases(web: () => WebFixture): void {
  it('signs a streamer up, shows the registration while it completes, then lets them sign in', async () => {
    const { webUrl, newPage } = web();
    const { context, page, errors } = await newPage();
    const suffix = randomUUID().slice(0, 8);
    const email = `web-${suffix}@example.com`;
    const password = PASSWORD;
    await page.goto(`${webUrl}/streamer/sign-up`);
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Display name').fill(`WebE2E ${suffix}`);
    await page.getByLabel('Contact email').fill(email);
    await page.getByLabel('Audience country').fill('US');
    await page.getByLabel('Stream languages').fill('en');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/sign-up\/pending\?kind=streamer&account=/);
    await page.getByRole('heading', { level: 1, name: 'Your registration' }).waitFor();
    // PENDING first (maybe too briefly to see), then ACTIVE without reloading by hand.
    await page.getByText('Your account is ready.').waitFor({ timeout: 20_000 });
    await page.getByRole('link', { name: 'Sign in' }).last().click();
    await page.waitForURL(`${webUrl}/streamer/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${webUrl}/streamer`);
    await page.getByRole('heading', { level: 1, name: `WebE2E ${suffix}` }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows why a registration was refused (a display name already taken)', async () => {
    const { webUrl, newPage } = web();
    const { context, page, errors } = await newPage();
    await signUpStreamer(page, webUrl, `web-${randomUUID().slice(0, 8)}@example.com`, 'KiraPlays');
    const refused = page.getByRole('alert').filter({ hasText: 'Your registration was refused.' });
    await refused.waitFor({ timeout: 20_000 });
    expect(await refused.textContent()).toMatch(/display ?name|taken|exists/i);
    expect(await refused.getByRole('link', { name: 'Sign up again' }).getAttribute('href')).toBe('/streamer/sign-up');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs a brand up through its form, then lets it sign in to an empty dashboard', async () => {
    const { webUrl, newPage } = web();
    const { context, page, errors } = await newPage();
    const suffix = randomUUID().slice(0, 8);
    const email = `brand-${suffix}@example.com`;
    await page.goto(`${webUrl}/brand/sign-up`);
    const fill = async (legend: string, label: string, value: string) =>
      page.getByRole('group', { name: legend }).getByLabel(label, { exact: true }).fill(value);
    await fill('Your sign-in', 'Email', email);
    await fill('Your sign-in', 'Password', PASSWORD);
    await fill('Company', 'Company name', `Web E2E ${suffix}`);
    await fill('Company', 'Industry', 'Beverages');
    await fill('Contact person', 'Name', 'Ada Tester');
    await fill('Contact person', 'Email', email);
    await fill('Billing address', 'Address line 1', '1 Test Street');
    await fill('Billing address', 'City', 'Springfield');
    await fill('Billing address', 'Postal code', '12345');
    await fill('Billing address', 'Country', 'US');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/sign-up\/pending\?kind=brand&account=/);
    await page.getByText('Your account is ready.').waitFor({ timeout: 20_000 });
    await page.goto(`${webUrl}/brand/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${webUrl}/brand`);
    await page.getByRole('heading', { level: 1, name: `Web E2E ${suffix}` }).waitFor();
    expect(await page.getByText('No campaigns yet.').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
}
