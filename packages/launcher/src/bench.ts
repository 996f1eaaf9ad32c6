/**
 * `npm run bench`: what a newcomer and a client feel.
 *  1. start-to-ready of `npm start` on the embedded defaults: a first start (new data directory:
 *     initdb, nine databases migrated and seeded, Prisma clients generated) and a later start;
 *  2. latency of a query crossing four subgraphs through the router, median and p95 of 200 runs,
 *     next to its peer measured in the same run: the campaign-only part sent to the campaign
 *     subgraph directly (what the gateway adds is the difference);
 *  3. events (./bench-events): outbox -> relay -> RabbitMQ -> inbox, events per second and
 *     commit-to-handled latency, next to a bare publish/consume loop on the same broker; skipped
 *     with a note when no RabbitMQ is reachable.
 * Prints Markdown tables; BENCHMARKS.md keeps the latest figures.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm, unlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoIds } from '@gametriggers/prisma-tools';
import { benchEvents } from './bench-events';
import { allSubgraphs } from './subgraphs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const RUNS = 200;

interface Started {
  seconds: number;
  routerUrl: string;
  subgraphUrls: Record<string, string>;
  stop: () => Promise<void>;
}

function npmStart(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', SUBGRAPH_BASE_PORT: '0', LOG_LEVEL: 'info' };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'PUBSUB_URL']) delete env[name];
  const startedAt = performance.now();
  const child = spawn('npm', ['start', '--silent'], { cwd: repoRoot, env, detached: true });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /GraphQL \+ GraphiQL: (\S+)/.exec(output)?.[1];
      const subgraphs = /"subgraphs":(\{[^}]*\})/.exec(output)?.[1];
      if (!url || !subgraphs) return;
      const seconds = (performance.now() - startedAt) / 1000;
      const subgraphUrls = JSON.parse(subgraphs) as Record<string, string>;
      resolve({
        seconds,
        routerUrl: url,
        subgraphUrls,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            process.kill(-child.pid!, 'SIGTERM');
          }),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

async function post(url: string, query: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

async function latency(url: string, query: string) {
  for (let i = 0; i < 20; i += 1) await post(url, query); // warm up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await post(url, query);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)]!, p95: times[Math.floor(RUNS * 0.95)]! };
}

const campaign = demoIds.campaigns.voltageSummer;
const fourSubgraphs = `{ campaign(id: "${campaign}") { name status budget { amount currency }
  brand { companyName } metrics { impressions clicks spend { amount } }
  participations(first: 10) { nodes { status streamer { displayName } } } } }`;
const campaignOnly = `{ campaign(id: "${campaign}") { name status budget { amount currency }
  brand { id } participations(first: 10) { nodes { status streamer { id } } } } }`;

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-bench-'));
await chmod(dataDir, 0o755);
try {
  // A fresh clone has no generated Prisma clients: remove the stamps so generate really runs.
  for (const definition of allSubgraphs) {
    const stamp = path.join(repoRoot, 'subgraphs', definition.name, 'src', 'generated', 'prisma', '.schema-hash');
    if (existsSync(stamp)) await unlink(stamp);
  }
  const first = await npmStart(dataDir);
  await first.stop();
  const later = await npmStart(dataDir);
  const router = await latency(later.routerUrl, fourSubgraphs);
  const direct = await latency(later.subgraphUrls['campaign']!, campaignOnly);
  await later.stop();
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`| measure | value | target |
| --- | --- | --- |
| \`npm start\` first start to ready (new data dir, clients generated) | ${first.seconds.toFixed(1)} s | < 15 s |
| \`npm start\` later start to ready | ${later.seconds.toFixed(1)} s | < 5 s |
| four-subgraph query through the router, median of ${RUNS} | ${ms(router.median)} (p95 ${ms(router.p95)}) | |
| peer: campaign-only part, campaign subgraph directly, median of ${RUNS} | ${ms(direct.median)} (p95 ${ms(direct.p95)}) | |`);
  const events = await benchEvents();
  console.log(events.table ? `\n${events.table}` : `\n${events.note}`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(0);
