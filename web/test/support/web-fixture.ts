// The whole stack for the web e2e tests: the supergraph with demo data, the Next.js production
// build pointed at its router, and Debian's chromium. One per test file: the cases in ../cases
// share it.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { demoIds } from '@gametriggers/prisma-tools';
import { graphql } from '@gametriggers/testkit';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStackFixture } from '../../../packages/launcher/test/stack-fixture';
import type { StackFixture } from '../../../packages/launcher/test/stack-fixture';
import { DEMO_PASSWORD, demoAccounts, signInAs } from '../../../packages/launcher/test/sign-in';
import { nextBuild, nextStart, stopProcessGroup } from './next-server';
import type { NextProcess } from './next-server';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Without chromium the tests skip on a developer's machine and fail in CI (CI set).
export const hasChromium = existsSync(CHROMIUM);
export const skipReason =
  hasChromium || process.env['CI']
    ? undefined
    : `${CHROMIUM} not found; install it with: apt-get update && apt-get install -y chromium (in CI, where CI is set, this test fails instead)`;
if (skipReason) console.warn(`web e2e test skipped: ${skipReason}`);

export { DEMO_PASSWORD, demoAccounts, signInAs };
export type DemoAccount = keyof typeof demoAccounts;

export interface WebFixture {
  stack: StackFixture['stack'];
  /** The Next.js server, e.g. http://127.0.0.1:40123 (no trailing slash). */
  webUrl: string;
  routerUrl: string;
  /** What `next start` printed so far (for failure messages). */
  serverOutput: () => string;
  /** A fresh browser context (its own cookies) with a page that records page errors. */
  newPage: () => Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  stop: () => Promise<void>;
}

export async function startWebFixture(): Promise<WebFixture> {
  if (!hasChromium) throw new Error(`${CHROMIUM} not found (CI is set, so this fails): apt-get update && apt-get install -y chromium`);
  let fixture: StackFixture | undefined;
  let web: (NextProcess & { url: string }) | undefined;
  let browser: Browser | undefined;
  let stopping = false;
  const stop = async () => {
    stopping = true;
    await browser?.close();
    if (web) await stopProcessGroup(web.child);
    await fixture?.stop();
  };
  try {
    // The build does not depend on the router (its URLs are read at request time): both at once.
    const [stack, build] = await Promise.allSettled([startStackFixture(), nextBuild()]);
    if (stack.status === 'fulfilled') fixture = stack.value;
    if (stack.status === 'rejected') throw stack.reason;
    if (build.status === 'rejected') throw build.reason;
    web = await nextStart({ GAMETRIGGERS_GRAPHQL_URL: fixture!.stack.routerUrl, GAMETRIGGERS_WS_URL: fixture!.stack.wsUrl });
    const started = web;
    // A server that dies mid-run fails every later case with ERR_CONNECTION_REFUSED: say why.
    started.child.once('exit', (code, signal) => {
      if (!stopping) console.error(`next start exited early (${code ?? signal}):\n${started.output()}`);
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    await stop();
    throw error;
  }
  const openBrowser = browser;
  return {
    stack: fixture!.stack,
    webUrl: web!.url,
    routerUrl: fixture!.stack.routerUrl,
    serverOutput: web!.output,
    newPage: async () => {
      const context = await openBrowser.newContext({ viewport: { width: 1280, height: 800 } });
      // Fail on a missing element with its locator, well before the test's own timeout.
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()} (${message.location().url})`);
      });
      return { context, page, errors };
    },
    stop,
  };
}

/** Signs in through the web app's own form for that kind of account, and waits for its dashboard. */
export async function signInThroughPage(page: Page, webUrl: string, account: DemoAccount): Promise<void> {
  const { kind, email } = demoAccounts[account];
  const segment = kind.toLowerCase();
  await page.goto(`${webUrl}/${segment}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${webUrl}/${segment}`);
}

/** Records a delivery of the demo streamer for a campaign, as an admin (recording is not public). */
export async function recordDelivery(routerUrl: string, campaignId: string, impressions: number, admin?: Record<string, string>) {
  const headers = admin ?? (await signInAs(routerUrl, 'admin'));
  return graphql<{ recordDeliveryMetrics: { impressions: number } }>(
    routerUrl,
    `
      mutation ($input: RecordDeliveryMetricsInput!) {
        recordDeliveryMetrics(input: $input) {
          impressions
        }
      }
    `,
    {
      input: {
        campaignId,
        streamerId: demoIds.streamers.kiraplays,
        occurredAt: new Date().toISOString(),
        impressions,
        clicks: 7,
        viewMinutes: impressions * 3,
        conversions: 0,
        spend: { amount: '5.55', currency: 'USD' },
        idempotencyKey: `web-e2e-${randomUUID()}`,
      },
    },
    headers,
  );
}

/**
 * Records deliveries until `shown` displays the new impressions total. "Live" means the socket is
 * acknowledged; the router may register the subscription a moment later, so a delivery recorded in
 * that moment is not seen: record again until one is. Returns the total shown.
 */
export async function expectLiveImpressions(
  routerUrl: string,
  campaignId: string,
  shown: () => Promise<string | null>,
  format: (count: number) => string,
): Promise<number> {
  const before = await shown();
  for (let attempt = 1; ; attempt += 1) {
    const result = await recordDelivery(routerUrl, campaignId, 1_000 + attempt);
    if (result.errors) throw new Error(`recordDeliveryMetrics failed: ${JSON.stringify(result.errors)}`);
    const total = result.data!.recordDeliveryMetrics.impressions;
    if (format(total) === before) throw new Error(`the page already showed ${before}`);
    const deadline = Date.now() + (attempt === 5 ? 10_000 : 3_000);
    while (Date.now() < deadline) {
      if ((await shown()) === format(total)) {
        if (attempt > 1) console.warn(`web e2e: the page updated on delivery ${attempt}`);
        return total;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (attempt === 5) throw new Error(`the page still shows ${await shown()}, expected ${format(total)}`);
  }
}

/** Keeps every WebSocket the pages of `context` open in `window.__e2eSockets`, so a test can drop one. */
export async function trackSockets(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.WebSocket;
    const sockets: WebSocket[] = [];
    (window as unknown as { __e2eSockets: WebSocket[] }).__e2eSockets = sockets;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        sockets.push(this);
      }
    };
  });
}

/** Waits for the page's h1; on a timeout, fails with what the page shows instead. */
export async function expectHeading(page: Page, name: string, serverOutput?: () => string): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  } catch (error) {
    const shown = await page
      .locator('main')
      .textContent()
      .catch(() => '(no main)');
    const server = serverOutput ? `\nnext start said:\n${serverOutput().slice(-4000)}` : '';
    throw new Error(`no heading "${name}" at ${page.url()}; the page shows: ${shown}${server}`, { cause: error });
  }
}
