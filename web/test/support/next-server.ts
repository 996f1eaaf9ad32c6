// Runs the Next.js production build (`next build` + `next start`) of web/ for the e2e tests.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

export interface NextProcess {
  child: ChildProcess;
  output: () => string;
}

/** Runs the Next.js CLI in web/ in its own process group (killed as a whole, with its workers). */
function runNext(args: string[], env: Record<string, string>): NextProcess {
  const child = spawn(process.execPath, [nextBin, ...args], {
    cwd: webDir,
    // vitest sets NODE_ENV=test, which next build/start refuse to treat as production.
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * `next build`. WEB_E2E_REUSE_BUILD=1 skips it when web/.next holds a build (iterating on tests
 * locally; never in CI, where the build under test must be the current source).
 */
export async function nextBuild(): Promise<void> {
  if (process.env['WEB_E2E_REUSE_BUILD'] === '1' && !process.env['CI'] && existsSync(path.join(webDir, '.next/BUILD_ID'))) return;
  const build = runNext(['build'], {});
  const code = await exited(build.child);
  if (code !== 0) throw new Error(`next build exited with ${code}:\n${build.output()}`);
}

/** `next start` on a port the OS picks; resolves with the URL it prints once ready. */
export async function nextStart(env: Record<string, string>, timeoutMs = 30_000): Promise<NextProcess & { url: string }> {
  const server = runNext(['start', '--port', '0', '--hostname', '127.0.0.1'], env);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = /Local:\s+(http:\/\/\S+)/.exec(server.output());
    if (ready && /Ready in/.test(server.output())) return { ...server, url: ready[1]! };
    if (server.child.exitCode !== null) throw new Error(`next start exited with ${server.child.exitCode}:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stopProcessGroup(server.child);
  throw new Error(`next start not ready within ${timeoutMs} ms:\n${server.output()}`);
}

export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const done = exited(child);
  process.kill(-child.pid, 'SIGTERM');
  const killTimer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 5_000);
  await done;
  clearTimeout(killTimer);
}
