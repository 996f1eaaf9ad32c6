import { randomBytes } from 'node:crypto';
import { ANONYMOUS, VIEWER_HEADER, createInternalAuth } from '@gametriggers/auth';
import type { Viewer } from '@gametriggers/auth';

/** The tests' INTERNAL_AUTH_SECRET: one per test process, as a deployment has one. */
export const testInternalAuthSecret = randomBytes(48).toString('base64url');
export const testInternalAuth = createInternalAuth(testInternalAuthSecret);

/** The header a request to a subgraph needs to be answered, as the router would set it. */
export async function viewerHeaders(viewer: Viewer = ANONYMOUS): Promise<Record<string, string>> {
  return { [VIEWER_HEADER]: await testInternalAuth.sign(viewer) };
}
