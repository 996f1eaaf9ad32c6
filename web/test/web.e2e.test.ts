// The web app in a real browser against the whole supergraph: Debian's chromium driven by
// playwright-core, the Next.js production build (`next build` + `next start`) pointed at a router
// started in process with demo data. One stack and one build for every case (in ./cases).
import { afterAll, beforeAll, describe } from 'vitest';
import { brandCases } from './cases/brand';
import { publicCases } from './cases/public';
import { sessionCases } from './cases/session';
import { signUpCases } from './cases/sign-up';
import { streamerCases } from './cases/streamer';
import { skipReason, startWebFixture } from './support/web-fixture';
import type { WebFixture } from './support/web-fixture';

// Each case drives a browser through several pages on a shared 2-core machine: more than the default 30 s.
describe.skipIf(skipReason !== undefined)('the web app in chromium against the supergraph', { timeout: 60_000 }, () => {
  let fixture: WebFixture | undefined;
  const web = () => {
    if (!fixture) throw new Error('the web fixture did not start');
    return fixture;
  };

  beforeAll(async () => {
    fixture = await startWebFixture();
  }, 300_000);

  afterAll(async () => {
    await fixture?.stop();
  }, 60_000);

  describe('anonymous visitors', () => publicCases(web));
  describe('brands', () => brandCases(web));
  describe('streamers', () => streamerCases(web));
  describe('sessions', () => sessionCases(web));
  describe('sign-up', () => signUpCases(web));
});
