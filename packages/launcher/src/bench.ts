/**
 * `npm run bench`: what a newcomer and a client feel.
 *  1. start-to-ready of `npm start` on the embedded defaults: a first start (new data directory:
 *     initdb, nine databases migrated and seeded, Prisma clients generated) and a later start;
 *  2. latency of a query crossing four subgraphs through the router, median and p95 of 200 runs,
 *     next to its peer measured in the same run: the campaign-only part sent to the campaign
 *     subgraph directly (what the gateway adds is the difference);
 *  3. access tokens: the same router with and without `Authorization: Bearer` (a brand token
 *     signed by a stand-in for identity's key, its JWKS served here via JWKS_URL), 200 interleaved
 *     pairs of a one-subgraph query: the difference of the medians is what verifying the token and
 *     signing the internal viewer token add per request; beside it, the verifier alone in process;
 *  4. events (./bench-events): outbox -> relay -> RabbitMQ -> inbox, events per second and
 *     commit-to-handled latency, next to a bare publish/consume loop on the same broker; skipped
 *     with a note when no RabbitMQ is reachable;
 *  5. delivery ingestion (./bench-delivery): overlay viewer samples over HTTP into PostgreSQL,
 *     next to the same server's HTTP floor;
 *  6. conflict evaluation (./bench-conflicts): one campaign against 100,000 active campaigns,
 *     10,000 participations and 50 rules, next to a naive full scan;
 *  7. wallet transfers (./bench-wallet): postings per second between random accounts and through
 *     the hot platform fee account, next to pgbench's TPC-B-like run on the same server.
 * Prints Markdown tables; BENCHMARKS.md keeps the latest figures. `npm run bench -- conflicts wallet`
 * runs only the parts named (start, events, delivery, wallet, conflicts).
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes, randomUUID, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmod, mkdtemp, rm, unlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ACCESS_TOKEN_AUDIENCES,
  DEFAULT_ISSUER,
  JWKS_PATH,
  VIEWER_HEADER,
  createAccessTokenVerifier,
  createInternalAuth,
} from '@gametriggers/auth';
import { demoIds } from '@gametriggers/prisma-tools';
import { benchConflicts } from './bench-conflicts';
import { benchDelivery } from './bench-delivery';
import { benchEvents } from './bench-events';
import { benchWallet } from './bench-wallet';
import { allSubgraphs } from './subgraphs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const RUNS = 200;

interface Started {
  seconds: number;
  routerUrl: string;
  subgraphUrls: Record<string, string>;
  stop: () => Promise<void>;
}

function npmStart(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', SUBGRAPH_BASE_PORT: '0', LOG_LEVEL: 'info', ...extraEnv };
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

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

async function latency(url: string, query: string, headers: Record<string, string> = {}) {
  for (let i = 0; i < 20; i += 1) await post(url, query, headers); // warm up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await post(url, query, headers);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)]!, p95: times[Math.floor(RUNS * 0.95)]! };
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

/** The same query without and with `headers`, interleaved so both see the same machine load. */
async function pairedLatency(url: string, query: string, headers: Record<string, string>) {
  for (let i = 0; i < 20; i += 1) {
    await post(url, query);
    await post(url, query, headers);
  }
  const without: number[] = [];
  const withHeaders: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    let start = performance.now();
    await post(url, query);
    without.push(performance.now() - start);
    start = performance.now();
    await post(url, query, headers);
    withHeaders.push(performance.now() - start);
  }
  return { without: median(without), with: median(withHeaders) };
}

/** A stand-in for identity: one ES256 key served as a JWKS, and a brand access token signed with it. */
async function standInIdentity() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keys = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'bench', alg: 'ES256', use: 'sig' }] };
  const server = http.createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(keys)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: DEFAULT_ISSUER, aud: ACCESS_TOKEN_AUDIENCES.BRAND, sub: randomUUID(), kind: 'BRAND', sid: randomUUID(), scope: '' };
  const input = `${encode({ alg: 'ES256', kid: 'bench', typ: 'at+jwt' })}.${encode({ ...claims, eid: demoIds.brands.voltage, iat: now, exp: now + 3600 })}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return {
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}${JWKS_PATH}`,
    token: `${input}.${signature}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The verifier alone, in this process, keys cached: what verification costs without HTTP around it. */
async function verifierAlone(jwksUrl: string, token: string) {
  const verifier = createAccessTokenVerifier({ jwksUrl });
  for (let i = 0; i < 100; i += 1) await verifier.verify(token);
  const times: number[] = [];
  for (let i = 0; i < 2000; i += 1) {
    const start = performance.now();
    await verifier.verify(token);
    times.push(performance.now() - start);
  }
  return median(times);
}

const campaign = demoIds.campaigns.voltageSummer;
const fourSubgraphs = `{ campaign(id: "${campaign}") { name status budget { amount currency }
  brand { companyName } metrics { impressions clicks spend { amount } }
  participations(first: 10) { nodes { status streamer { displayName } } } } }`;
const oneSubgraph = `{ brands(first: 5) { nodes { companyName } } }`;
const campaignOnly = `{ campaign(id: "${campaign}") { name status budget { amount currency }
  brand { id } participations(first: 10) { nodes { status streamer { id } } } } }`;

// The stack's INTERNAL_AUTH_SECRET, known here so the bench can call a subgraph directly as the router does.
const internalAuthSecret = randomBytes(48).toString('base64url');
const internalAuth = createInternalAuth(internalAuthSecret);

/** 1–3: `npm start` (first and later), the router's latency, the access token's cost. */
async function benchStart() {
  // A fresh clone has no generated Prisma clients: remove the stamps so generate really runs.
  for (const definition of allSubgraphs) {
    const stamp = path.join(repoRoot, 'subgraphs', definition.name, 'src', 'generated', 'prisma', '.schema-hash');
    if (existsSync(stamp)) await unlink(stamp);
  }
  const first = await npmStart(dataDir, { INTERNAL_AUTH_SECRET: internalAuthSecret });
  await first.stop();
  const identity = await standInIdentity();
  const later = await npmStart(dataDir, { INTERNAL_AUTH_SECRET: internalAuthSecret, JWKS_URL: identity.jwksUrl });
  // As the campaign's own brand (budget, participations and metrics are its and admins' only).
  const asVoltage = { authorization: `Bearer ${identity.token}` };
  const router = await latency(later.routerUrl, fourSubgraphs, asVoltage);
  const voltage = { kind: 'BRAND' as const, entityId: demoIds.brands.voltage, accountId: randomUUID(), scopes: [] };
  const direct = await latency(later.subgraphUrls['campaign']!, campaignOnly, { [VIEWER_HEADER]: await internalAuth.sign(voltage) });
  const auth = await pairedLatency(later.routerUrl, oneSubgraph, { authorization: `Bearer ${identity.token}` });
  await later.stop();
  const verifyOnly = await verifierAlone(identity.jwksUrl, identity.token);
  await identity.close();
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`| measure | value | target |
| --- | --- | --- |
| \`npm start\` first start to ready (new data dir, clients generated) | ${first.seconds.toFixed(1)} s | < 15 s |
| \`npm start\` later start to ready | ${later.seconds.toFixed(1)} s | < 5 s |
| four-subgraph query through the router, median of ${RUNS} | ${ms(router.median)} (p95 ${ms(router.p95)}) | |
| peer: campaign-only part, campaign subgraph directly, median of ${RUNS} | ${ms(direct.median)} (p95 ${ms(direct.p95)}) | |
| one-subgraph query through the router, no token, median of ${RUNS} | ${ms(auth.without)} | |
| the same with a brand access token, median of ${RUNS} interleaved | ${ms(auth.with)} | |
| added per request by the access token (difference of the medians) | ${ms(auth.with - auth.without)} | < 1 ms |
| peer: verifying one access token in process, keys cached, median of 2000 | ${(verifyOnly * 1000).toFixed(0)} µs | |`);
}

const PARTS = ['start', 'events', 'delivery', 'wallet', 'conflicts'] as const;
const only = process.argv.slice(2);
const unknownParts = only.filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknownParts.length) throw new Error(`unknown bench part(s) ${unknownParts.join(', ')}: choose from ${PARTS.join(', ')}`);
const wanted = (part: (typeof PARTS)[number]) => !only.length || only.includes(part);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-bench-'));
await chmod(dataDir, 0o755);
try {
  if (wanted('start')) await benchStart();
  if (wanted('events')) {
    const events = await benchEvents();
    console.log(events.table ? `\n${events.table}` : `\n${events.note}`);
  }
  if (wanted('delivery')) console.log(`\n${(await benchDelivery()).table}`);
  if (wanted('wallet')) console.log(`\n${(await benchWallet()).table}`);
  if (wanted('conflicts')) {
    const conflicts = await benchConflicts();
    console.log(conflicts.table ? `\n${conflicts.table}` : `\n${conflicts.note}`);
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(0);
