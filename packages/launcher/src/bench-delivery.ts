/**
 * The delivery part of `npm run bench`: viewer samples posted to the campaign subgraph's overlay
 * endpoint over HTTP (keep-alive), recorded in PostgreSQL transactions that lock the campaign's row
 * (dedup, pricing, caps, earning, outbox event; the samples of a campaign that arrive together
 * share one: group commit). 20 campaigns with 10 accepted streamers each, 32 concurrent senders;
 * samples per second and latency p50 / p99. Peer, same server, same concurrency: GET /healthz (the
 * HTTP floor without the database). Diagnostics: this process's CPU per request (server and
 * senders), samples per transaction (the delivery rows' distinct xmin), the load average.
 * PostgreSQL: BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL, else an embedded server.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createInternalAuth } from '@gametriggers/auth';
import { startSubgraph } from '@gametriggers/federation';
import { databaseUrl, dropDatabase, ensureDatabase, migrateDatabase, startEmbeddedPostgres } from '@gametriggers/prisma-tools';
import { pino } from 'pino';
import { campaignSubgraph } from '@gametriggers/subgraph-campaign';
import { createDb } from '../../../subgraphs/campaign/src/db';
import { deliverySecret, linkToken } from '../../../subgraphs/campaign/src/delivery/delivery-tokens';

const CAMPAIGNS = 20;
const STREAMERS_PER_CAMPAIGN = 10;
const CONCURRENCY = 32;
const SAMPLES = 4000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** Runs `count` requests from CONCURRENCY senders; requests per second, latency percentiles and CPU ms per request. */
async function load(count: number, request: (index: number) => Promise<number>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let index = next++; index < count; index = next++) {
        const at = performance.now();
        const status = await request(index);
        if (status >= 300) throw new Error(`request ${index} answered ${status}`);
        latencies.push(performance.now() - at);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return {
    perSecond: count / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    cpuMs: (used.user + used.system) / 1000 / count,
  };
}

/** Transactions that wrote delivery rows so far: each writes its rows with its own xmin. */
async function transactionsSoFar(db: ReturnType<typeof createDb>): Promise<number> {
  const [row] = await db.$queryRaw<{ transactions: number }[]>`SELECT count(DISTINCT xmin::text)::int AS "transactions" FROM "Delivery"`;
  return row?.transactions ?? 0;
}

export async function benchDelivery(): Promise<{ table: string }> {
  let serverUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  let embedded: { stop: () => Promise<void> } | undefined;
  let dataDir: string | undefined;
  if (!serverUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-bench-delivery-'));
    await chmod(dataDir, 0o755);
    const started = await startEmbeddedPostgres(path.join(dataDir, 'postgres'));
    serverUrl = started.url;
    embedded = started;
  }
  const url = databaseUrl(serverUrl, `bench_delivery_${randomBytes(4).toString('hex')}`);
  // Samples of one participation every few ms: the bench measures recording, not the burst rule.
  const previousInterval = process.env['SAMPLE_MIN_INTERVAL_SECONDS'];
  process.env['SAMPLE_MIN_INTERVAL_SECONDS'] = '0';
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  await ensureDatabase(url);
  await migrateDatabase(url, campaignSubgraph.migrationsDir);
  const db = createDb(url);
  const running = await startSubgraph(campaignSubgraph, {
    databaseUrl: url,
    logger: pino({ level: 'silent' }),
    internalAuth: createInternalAuth(randomBytes(48).toString('base64url')),
  });
  try {
    const origin = new URL(running.url).origin;
    const secret = await deliverySecret(db);
    const overlays: string[] = [];
    const now = Date.now();
    for (let c = 0; c < CAMPAIGNS; c += 1) {
      const campaign = await db.campaign.create({
        data: {
          brandId: randomUUID(),
          name: `Bench campaign ${c}`,
          description: 'A campaign of the delivery benchmark.',
          status: 'ACTIVE',
          startsAt: new Date(now - 60_000),
          endsAt: new Date(now + 3_600_000),
          currency: 'USD',
          budgetMinor: 1_000_000_000n,
          pricingModel: 'CPM',
          rateMinor: 1250n,
        },
      });
      for (let s = 0; s < STREAMERS_PER_CAMPAIGN; s += 1) {
        const participation = await db.participation.create({
          data: { campaignId: campaign.id, streamerId: randomUUID(), status: 'ACCEPTED', currency: 'USD', decidedAt: new Date() },
        });
        overlays.push(`${origin}/overlay/${linkToken(secret, 'overlay', participation.id, participation.overlayGeneration)}/samples`);
      }
    }
    const post = (target: string, body: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(
          target,
          { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    const get = (target: string) =>
      new Promise<number>((resolve, reject) => {
        http
          .get(target, { agent }, (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          })
          .on('error', reject);
      });
    // Warm-up: connections, prepared plans, the secret.
    await load(200, (index) => post(overlays[index % overlays.length]!, JSON.stringify({ sampleId: randomUUID(), viewers: 100 })));
    const loadAverage = os.loadavg()[0]!;
    const peer = await load(SAMPLES, () => get(`${origin}/healthz`));
    const before = await transactionsSoFar(db);
    const samples = await load(SAMPLES, (index) =>
      post(overlays[index % overlays.length]!, JSON.stringify({ sampleId: randomUUID(), viewers: 100 + (index % 900) })),
    );
    const transactions = (await transactionsSoFar(db)) - before;
    const recorded = await db.delivery.count({ where: { status: 'PAID' } });
    if (recorded < SAMPLES) throw new Error(`only ${recorded} of the samples were paid`);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')} /s`;
    return {
      table: `| measure | value | target |
| --- | --- | --- |
| peer: GET /healthz on the campaign subgraph, ${CONCURRENCY} concurrent senders, ${SAMPLES.toLocaleString('en-US')} requests | ${rate(peer.perSecond)} (p50 ${ms(peer.p50)}, p99 ${ms(peer.p99)}) | |
| viewer samples through POST /overlay/:token/samples (${CAMPAIGNS} campaigns x ${STREAMERS_PER_CAMPAIGN} streamers, CPM, recorded under the campaign's row lock, group commit), ${CONCURRENCY} concurrent senders, ${SAMPLES.toLocaleString('en-US')} samples | ${rate(samples.perSecond)} = ${(samples.perSecond / peer.perSecond).toFixed(2)}x the peer (p50 ${ms(samples.p50)}, p99 ${ms(samples.p99)}) | ≥ 1,000 /s |
| diagnostic: CPU of this process (server and senders) per request: peer / sample | ${ms(peer.cpuMs)} / ${ms(samples.cpuMs)} | |
| diagnostic: samples per transaction (${transactions.toLocaleString('en-US')} transactions for the ${SAMPLES.toLocaleString('en-US')} samples) | ${(SAMPLES / transactions).toFixed(1)} | |
| diagnostic: load average (1 min) of the machine before the peer | ${loadAverage.toFixed(1)} (${os.cpus().length} cores) | |`,
    };
  } finally {
    if (previousInterval === undefined) delete process.env['SAMPLE_MIN_INTERVAL_SECONDS'];
    else process.env['SAMPLE_MIN_INTERVAL_SECONDS'] = previousInterval;
    agent.destroy();
    await running.stop();
    await db.$disconnect();
    await dropDatabase(url);
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}
