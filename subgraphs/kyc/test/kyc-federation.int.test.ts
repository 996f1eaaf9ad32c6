import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraph } from '@gametriggers/federation';
import { graphql, silentLogger, startTestSubgraph, testAdmin, testInternalAuth, viewerHeaders } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { PrismaPg } from '@prisma/adapter-pg';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { PrismaClient } from '../src/generated/prisma/client';
import { kycSubgraph } from '../src/index';
import { kycDriver } from './factories';

const STREAMERS = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Streamer { id kycStatus kycCases { id status } } } }`;
const BRANDS = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Brand { id kycStatus } } }`;
const reps = (typename: string, ids: string[]) => ids.map((id) => ({ __typename: typename, id }));

let subgraph: TestSubgraph;
let db: Db;
let driver: ReturnType<typeof kycDriver>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(kycSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
  driver = kycDriver(subgraph, db);
});
afterAll(async () => {
  await db?.$disconnect();
  await subgraph?.stop();
});

describe('Streamer and Brand KYC fields', () => {
  it('answers kycStatus of 3 streamers in one _entities call, in order, NOT_STARTED without a case', async () => {
    const approved = await driver.caseIn('APPROVED');
    const inReview = await driver.caseIn('IN_REVIEW');
    const none = randomUUID();
    const { _entities } = await driver.ok(STREAMERS, { representations: reps('Streamer', [inReview.subjectId, none, approved.subjectId]) });
    expect(_entities).toEqual([
      { id: inReview.subjectId, kycStatus: 'IN_REVIEW', kycCases: [{ id: inReview.id, status: 'IN_REVIEW' }] },
      { id: none, kycStatus: 'NOT_STARTED', kycCases: [] },
      { id: approved.subjectId, kycStatus: 'APPROVED', kycCases: [{ id: approved.id, status: 'APPROVED' }] },
    ]);
  });

  it('follows the latest case: a renewal after an approval, an expiry, a rejection', async () => {
    const renewed = await driver.caseIn('APPROVED');
    const renewal = await driver.open({ subjectId: renewed.subjectId, documentType: 'DRIVERS_LICENSE' });
    const expired = await driver.caseIn('EXPIRED');
    const rejected = await driver.caseIn('REJECTED');
    const { _entities } = await driver.ok(STREAMERS, {
      representations: reps('Streamer', [renewed.subjectId, expired.subjectId, rejected.subjectId]),
    });
    expect(_entities[0]).toEqual({
      id: renewed.subjectId,
      kycStatus: 'NOT_STARTED',
      kycCases: [
        { id: renewal.id, status: 'NOT_STARTED' },
        { id: renewed.id, status: 'APPROVED' },
      ],
    });
    expect(_entities[1].kycStatus).toBe('EXPIRED');
    expect(_entities[2].kycStatus).toBe('REJECTED');
  });

  it("answers brands' kycStatus, without mixing in a streamer's cases under the same id", async () => {
    const brand = await driver.caseIn('APPROVED', { subjectType: 'BRAND', documentType: 'BUSINESS_REGISTRATION' });
    const shared = randomUUID();
    await driver.caseIn('PENDING', { subjectId: shared });
    const { _entities } = await driver.ok(BRANDS, { representations: reps('Brand', [brand.subjectId, shared]) });
    expect(_entities).toEqual([
      { id: brand.subjectId, kycStatus: 'APPROVED' },
      { id: shared, kycStatus: 'NOT_STARTED' },
    ]);
  });

  it('resolves KycCase references, null for unknown ids', async () => {
    const a = await driver.caseIn('PENDING');
    const b = await driver.caseIn('IN_REVIEW', { subjectType: 'BRAND', documentType: 'BUSINESS_REGISTRATION' });
    const { _entities } = await driver.ok(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on KycCase { id status streamer { id } brand { id } events { toStatus } } } }`,
      { representations: reps('KycCase', [b.id, randomUUID(), a.id]) },
    );
    expect(_entities).toEqual([
      {
        id: b.id,
        status: 'IN_REVIEW',
        streamer: null,
        brand: { id: b.subjectId },
        events: b.events.map(({ toStatus }: { toStatus: string }) => ({ toStatus })),
      },
      null,
      {
        id: a.id,
        status: 'PENDING',
        streamer: { id: a.subjectId },
        brand: null,
        events: a.events.map(({ toStatus }: { toStatus: string }) => ({ toStatus })),
      },
    ]);
  });
});

describe('batching', () => {
  it('reads the cases of every subject in a request with one SQL statement', async () => {
    // A second server on the same database whose client records every SQL statement it sends.
    const statements: string[] = [];
    const server = await startSubgraph(
      {
        ...kycSubgraph,
        createDatabaseClient: (url: string) => {
          const counting = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: 'event', level: 'query' }] });
          counting.$on('query', (event) => statements.push(event.query));
          return counting;
        },
      },
      { databaseUrl: subgraph.databaseUrl, logger: silentLogger, internalAuth: testInternalAuth },
    );
    try {
      const streamers = [await driver.caseIn('APPROVED'), await driver.caseIn('PENDING'), await driver.caseIn('REJECTED')];
      const brands = [
        await driver.caseIn('APPROVED', { subjectType: 'BRAND', documentType: 'BUSINESS_REGISTRATION' }),
        await driver.caseIn('IN_REVIEW', { subjectType: 'BRAND', documentType: 'BUSINESS_REGISTRATION' }),
      ];
      statements.length = 0;
      const result = await graphql(
        server.url,
        STREAMERS,
        {
          representations: reps(
            'Streamer',
            streamers.map((c) => c.subjectId),
          ),
        },
        await viewerHeaders(testAdmin),
      );
      expect(result.errors).toBeUndefined();
      expect((result.data!['_entities'] as { kycStatus: string }[]).map((s) => s.kycStatus)).toEqual(['APPROVED', 'PENDING', 'REJECTED']);
      expect(statements).toHaveLength(1);
      expect(statements[0]).toContain('"KycCase"');

      statements.length = 0;
      const brandResult = await graphql(
        server.url,
        BRANDS,
        {
          representations: reps(
            'Brand',
            brands.map((c) => c.subjectId),
          ),
        },
        await viewerHeaders(testAdmin),
      );
      expect((brandResult.data!['_entities'] as { kycStatus: string }[]).map((s) => s.kycStatus)).toEqual(['APPROVED', 'IN_REVIEW']);
      expect(statements).toHaveLength(1);

      statements.length = 0;
      const cases = await graphql(
        server.url,
        `
          {
            kycCases(first: 5) {
              nodes {
                id
                events {
                  toStatus
                }
              }
            }
          }
        `,
        {},
        await viewerHeaders(testAdmin),
      );
      expect(cases.errors).toBeUndefined();
      expect(statements).toHaveLength(2);
    } finally {
      await server.stop();
    }
  });
});
