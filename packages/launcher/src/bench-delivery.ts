/**
 * The delivery part of `npm run bench`: viewer samples posted to the campaign subgraph's overlay
 * endpoint over HTTP (keep-alive), each recorded in one PostgreSQL transaction (campaign row lock,
 * dedup, pricing, caps, earning, outbox event). 20 campaigns with 10 accepted streamers each,
 * 32 concurrent senders; samples per second and latency p50 / p99. Peer, same server, same
 * concurrency: GET /healthz (the HTTP floor without the database).
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

/** Runs `count` requests from CONCURRENCY senders; requests per second and latency percentiles. */
async function load(count: number, request: (index: number) => Promise<number>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
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
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
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
    const peer = await load(SAMPLES, () => get(`${origin}/healthz`));
    const samples = await load(SAMPLES, (index) =>
      post(overlays[index % overlays.length]!, JSON.stringify({ sampleId: randomUUID(), viewers: 100 + (index % 900) })),
    );
    const recorded = await db.delivery.count({ where: { status: 'PAID' } });
    if (recorded < SAMPLES) throw new Error(`only ${recorded} of the samples were paid`);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')} /s`;
    return {
      table: `| measure | value | target |
| --- | --- | --- |
| peer: GET /healthz on the campaign subgraph, ${CONCURRENCY} concurrent senders, ${SAMPLES.toLocaleString('en-US')} requests | ${rate(peer.perSecond)} (p50 ${ms(peer.p50)}, p99 ${ms(peer.p99)}) | |
| viewer samples through POST /overlay/:token/samples (${CAMPAIGNS} campaigns x ${STREAMERS_PER_CAMPAIGN} streamers, CPM, each one transaction with the campaign row locked), ${CONCURRENCY} concurrent senders, ${SAMPLES.toLocaleString('en-US')} samples | ${rate(samples.perSecond)} = ${(samples.perSecond / peer.perSecond).toFixed(2)}x the peer (p50 ${ms(samples.p50)}, p99 ${ms(samples.p99)}) | |`,
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
