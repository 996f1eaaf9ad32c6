import { randomBytes } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema, parse, printSchema } from 'graphql';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { demoIds, databaseUrl, dropDatabase } from '@gametriggers/prisma-tools';
import { composeSupergraph } from '@gametriggers/router';
import { connectWs, graphql, startTestTokenIssuer, subscribe, testInternalAuthSecret, viewerHeaders } from '@gametriggers/testkit';
import type { TestTokenIssuer } from '@gametriggers/testkit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { allSubgraphs } from '../src/subgraphs';
import { cleanEnv, repoRoot, runToExit, startProcess } from './processes';
import type { ChildService } from './processes';

const prefix = `solo_${randomBytes(4).toString('hex')}_`;
const running: ChildService[] = [];
const databases: string[] = [];
let subgraphUrls: Record<string, string> = {};
// Identity's database is not seeded here: a stand-in signs the clients' access tokens.
let issuer: TestTokenIssuer;

/**
 * Each subgraph as its own process on its own database (as in its own container), the router as
 * another process composing supergraph.yaml with SUBGRAPH_<NAME>_URL overrides, and live events
 * crossing processes through PostgreSQL LISTEN/NOTIFY.
 */
beforeAll(async () => {
  issuer = await startTestTokenIssuer();
  const server = inject('databaseServerUrl');
  // Across processes without Redis: PostgreSQL LISTEN/NOTIFY (Redis is covered by the in-process suite).
  const pubsubUrl = server;
  const eventBusUrl = databaseUrl(server, `${prefix}bus`);
  databases.push(eventBusUrl);
  const started = await Promise.all(
    allSubgraphs.map(async (definition) => {
      const url = databaseUrl(server, `${prefix}${definition.name}`);
      databases.push(url);
      const service = await startProcess(
        `subgraphs/${definition.name}/src/main.ts`,
        cleanEnv({
          DATABASE_URL: url,
          PORT: '0',
          PUBSUB_URL: pubsubUrl,
          EVENT_BUS_URL: eventBusUrl,
          INTERNAL_AUTH_SECRET: testInternalAuthSecret,
        }),
        /"url":"(http:\/\/[^"]+)"/,
        120_000,
      );
      running.push(service);
      return [definition.name, service.url] as const;
    }),
  );
  subgraphUrls = Object.fromEntries(started);
}, 180_000);

afterAll(async () => {
  await Promise.all(running.map((service) => service.stop()));
  await Promise.all(databases.map((url) => dropDatabase(url)));
  await issuer?.stop();
});

describe('subgraphs and router as separate processes', () => {
  it('each subgraph serves the SDL committed in its schema.graphql and reports ready', async () => {
    for (const definition of allSubgraphs) {
      const url = subgraphUrls[definition.name]!;
      const { data } = await graphql(url, '{ _service { sdl } }', {}, await viewerHeaders());
      const committed = await readFile(path.join(repoRoot, 'subgraphs', definition.name, 'schema.graphql'), 'utf8');
      // `_service.sdl` is printed in the subgraph library's own way: compare the schemas, not the text.
      const normalise = (sdl: string) => printSchema(lexicographicSortSchema(buildSubgraphSchema({ typeDefs: parse(sdl) })));
      expect(normalise(data!['_service'].sdl)).toBe(normalise(committed));
      expect((await fetch(url.replace('/graphql', '/readyz'))).status).toBe(200);
    }
  });

  it('the router composes supergraph.yaml over them and delivers subscriptions across processes', async () => {
    const overrides = Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, url]));
    const router = await startProcess(
      'router/src/main.ts',
      cleanEnv({
        ...overrides,
        PORT: '0',
        PUBSUB_URL: inject('databaseServerUrl'),
        INTERNAL_AUTH_SECRET: testInternalAuthSecret,
        JWKS_URL: issuer.jwksUrl,
      }),
      /router ready at (http:\/\/\S+?)"/,
    );
    running.push(router);
    const brand = await graphql(
      router.url,
      `
        mutation {
          createBrand(
            input: {
              companyName: "Solo"
              industry: "tests"
              contact: { name: "A", email: "a@solo.example" }
              billing: { address: { line1: "1", city: "c", postalCode: "1", country: "US" } }
            }
          ) {
            id
            companyName
            wallet {
              id
            }
          }
        }
      `,
      {},
      // An admin's token, verified by this router process; the wallet process sees the admin.
      issuer.bearer({ kind: 'ADMIN' }),
    );
    expect(brand.errors).toBeUndefined();
    expect(brand.data!['createBrand']).toMatchObject({ companyName: 'Solo', wallet: null });

    const client = connectWs(router.url.replace('http', 'ws'), issuer.bearer({ kind: 'ADMIN' }));
    try {
      const campaignId = demoIds.campaigns.nordwindRacing;
      const live = await subscribe(client, `subscription { campaignMetricsUpdated(campaignId: "${campaignId}") { clicks } }`);
      const recorded = await graphql(
        router.url,
        `
          mutation ($input: RecordDeliveryMetricsInput!) {
            recordDeliveryMetrics(input: $input) {
              clicks
            }
          }
        `,
        {
          input: {
            campaignId,
            streamerId: demoIds.streamers.tactician,
            occurredAt: new Date().toISOString(),
            impressions: 10,
            clicks: 7,
            viewMinutes: 40,
            conversions: 0,
            spend: { amount: '2.00', currency: 'GBP' },
            idempotencyKey: `solo-${prefix}`,
          },
        },
        issuer.bearer({ kind: 'ADMIN' }),
      );
      expect(recorded.errors).toBeUndefined();
      expect((await live.next()).data).toEqual({ campaignMetricsUpdated: { clicks: 7 } });
    } finally {
      await client.dispose();
    }
  });
});

describe('a router on a prebuilt supergraph (SUPERGRAPH_PATH)', () => {
  it('serves it as is, without composing', async () => {
    const sources = await Promise.all(
      allSubgraphs.map(async (definition) => ({
        name: definition.name,
        url: subgraphUrls[definition.name]!,
        sdl: await readFile(path.join(repoRoot, 'subgraphs', definition.name, 'schema.graphql'), 'utf8'),
      })),
    );
    const dir = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-supergraph-'));
    const supergraphPath = path.join(dir, 'supergraph.graphql');
    await writeFile(supergraphPath, composeSupergraph(sources).supergraphSdl);
    const router = await startProcess(
      'router/src/main.ts',
      cleanEnv({
        SUPERGRAPH_PATH: supergraphPath,
        SUPERGRAPH_CONFIG: '/nonexistent.yaml',
        PORT: '0',
        INTERNAL_AUTH_SECRET: testInternalAuthSecret,
      }),
      /router ready at (http:\/\/\S+?)"/,
    );
    running.push(router);
    try {
      const result = await graphql(router.url, '{ brands(first: 1) { nodes { id } } campaigns(first: 1) { nodes { id } } }');
      expect(result.errors).toBeUndefined();
    } finally {
      await router.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('when a configured service is down', () => {
  it('a subgraph exits with a sentence naming the database, not a stack trace', async () => {
    const { code, output } = await runToExit(
      'subgraphs/brand/src/main.ts',
      cleanEnv({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/x', PORT: '0' }),
    );
    expect(code).toBe(1);
    expect(output).toMatch(/PostgreSQL at 127\.0\.0\.1:1 is not reachable/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('in production, the router and a subgraph refuse to start without INTERNAL_AUTH_SECRET', async () => {
    for (const entry of ['router/src/main.ts', 'subgraphs/brand/src/main.ts']) {
      const { code, output } = await runToExit(entry, cleanEnv({ NODE_ENV: 'production', PORT: '0', SUPERGRAPH_PATH: '/nonexistent' }));
      expect(code, entry).toBe(1);
      expect(output, entry).toMatch(/INTERNAL_AUTH_SECRET is required in production/);
      expect(output, entry).not.toMatch(/\n\s+at /);
    }
  });

  it('the whole stack exits with a sentence when Redis is configured but unreachable', async () => {
    const { code, output } = await runToExit(
      'packages/launcher/src/main.ts',
      cleanEnv({
        DATABASE_URL: inject('databaseServerUrl'),
        REDIS_URL: 'redis://127.0.0.1:1',
        PORT: '0',
        SUBGRAPH_BASE_PORT: '0',
        SEED_DEMO: 'false',
      }),
    );
    expect(code).toBe(1);
    expect(output).toMatch(/Redis is not reachable/);
    expect(output).not.toMatch(/\n\s+at /);
  });
});
