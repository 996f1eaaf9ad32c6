import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('embedded PostgreSQL', () => {
  it("leaves the process's exit code alone (a test runner's failures must not exit 0)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-exit-code-'));
    await chmod(dir, 0o755); // as root, the server runs as user postgres and must reach its data directory
    // A process that starts and stops the embedded server, then ends with an exit code of its own.
    const script = `
      import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve(import.meta.dirname, 'embedded.ts'))};
      const server = await startEmbeddedPostgres(${JSON.stringify(path.join(dir, 'data'))});
      await server.stop();
      process.exitCode = 3;`;
    try {
      const child = run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000 });
      await expect(child).rejects.toMatchObject({ code: 3 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
