import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectWs, graphql, subscribe } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from './sign-in';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The README's ```graphql blocks, by operation name: the examples a newcomer will paste. */
async function readmeOperations(): Promise<Record<string, string>> {
  const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
  return Object.fromEntries(blocks.map((block) => [/^\w+\s+(\w+)/.exec(block.trim())![1]!, block]));
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  url: string;
  wsUrl: string;
  output: () => string;
}

/** Runs `npm start`'s program as a newcomer would: no DATABASE_URL, no Redis, own data directory. */
function startEmbedded(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', SUBGRAPH_BASE_PORT: '0', LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'PUBSUB_URL', 'TEST_DATABASE_URL', 'TEST_REDIS_URL', 'INTERNAL_AUTH_SECRET', 'JWKS_URL'])
    delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/launcher/src/main.ts'], { cwd: repoRoot, env });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL \+ GraphiQL: (\S+)\s+Subscriptions:\s+(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, wsUrl: match[2]!, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready:\n${output}`));
    });
  });
}

async function stop(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  return exited;
}

let dataDir: string;
let operations: Record<string, string>;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-embedded-'));
  await chmod(dataDir, 0o755);
  operations = await readmeOperations();
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start on the embedded defaults', () => {
  it('starts with demo data, runs the README examples, stops cleanly, and starts again on the same data', async () => {
    const first = await startEmbedded(dataDir);
    // No INTERNAL_AUTH_SECRET: one is generated for this data directory, readable by its owner only.
    const secretFile = path.join(dataDir, 'internal-auth-secret');
    const secret = await readFile(secretFile, 'utf8');
    try {
      expect((await stat(secretFile)).mode & 0o777).toBe(0o600);
      expect(secret.trim().length).toBeGreaterThanOrEqual(32);
      // As the README's reader does: its SignIn mutation, as the brand that owns the example campaign.
      const signedIn = await graphql(first.url, operations['SignIn']!);
      expect(signedIn.errors).toBeUndefined();
      const voltage = { authorization: `Bearer ${signedIn.data!['signInBrand'].accessToken as string}` };
      const overview = await graphql(first.url, operations['CampaignOverview']!, {}, voltage);
      expect(overview.errors).toBeUndefined();
      expect(overview.data!['campaign'].brand.companyName).toBe('Voltage Energy');

      const client = connectWs(first.wsUrl, voltage);
      try {
        const live = await subscribe(client, operations['LiveMetrics']!);
        // Deliveries are recorded by the platform: an admin (or another subgraph).
        const recorded = await graphql(first.url, operations['RecordDelivery']!, {}, await signInAs(first.url, 'admin'));
        expect(recorded.errors).toBeUndefined();
        const event = await live.next();
        expect(event.data!['campaignMetricsUpdated'].campaign.brand.companyName).toBe('Voltage Energy');
      } finally {
        await client.dispose();
      }
    } finally {
      expect(await stop(first)).toBe(0);
    }

    const second = await startEmbedded(dataDir);
    try {
      expect(await readFile(secretFile, 'utf8')).toBe(secret);
      const voltage = await signInAs(second.url, 'voltage');
      const brands = await graphql(second.url, '{ brands { nodes { companyName } } }', {}, voltage);
      expect(brands.data!['brands'].nodes).toHaveLength(3);
      // The README's delivery was recorded once; replaying its idempotency key changes nothing.
      const before = await graphql(second.url, operations['CampaignOverview']!, {}, voltage);
      await graphql(second.url, operations['RecordDelivery']!, {}, await signInAs(second.url, 'admin'));
      const after = await graphql(second.url, operations['CampaignOverview']!, {}, voltage);
      expect(after.data!['campaign'].metrics).toEqual(before.data!['campaign'].metrics);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 240_000);
});
