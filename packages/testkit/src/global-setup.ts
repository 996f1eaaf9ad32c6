import os from 'node:os';
import path from 'node:path';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { assertReachable, startEmbeddedPostgres } from '@gametriggers/prisma-tools';
import type { TestProject } from 'vitest/node';
import type {} from './provided-context';

/**
 * One PostgreSQL server for the whole run: TEST_DATABASE_URL (CI: the machine's PostgreSQL)
 * or, when unset, an embedded one started here. Each test file makes its own databases on it.
 */
export default async function setup(project: TestProject) {
  const configured = process.env['TEST_DATABASE_URL'];
  if (configured) {
    await assertReachable(configured);
    project.provide('databaseServerUrl', configured);
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-test-pg-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as user postgres and must reach its data directory
  const server = await startEmbeddedPostgres(path.join(dir, 'data'));
  project.provide('databaseServerUrl', server.url);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
