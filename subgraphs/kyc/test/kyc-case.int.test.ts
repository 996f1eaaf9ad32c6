import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { kycSubgraph } from '../src/index';
import { OPEN, READ, kycDriver, openInput } from './factories';

const MISSING = '0190a000-0000-7000-8000-000000000000';
const COUNT = `{ kycCases(first: 100) { nodes { id } } }`;

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

async function expectError(query: string, variables: Record<string, unknown>, extensions: Record<string, unknown>) {
  const result = await subgraph.query(query, variables);
  expect(result.errors?.[0]?.extensions).toMatchObject(extensions);
  return result;
}

const caseCount = async () => (await driver.ok(COUNT))['kycCases'].nodes.length;

describe('openKycCase and kycCase(id)', () => {
  it('opens a streamer case with its first history event, and reads it back', async () => {
    const input = openInput({ documentType: 'RESIDENCE_PERMIT', documentCountry: 'DE' });
    const kycCase = await driver.open(input);
    expect(kycCase).toMatchObject({
      subjectType: 'STREAMER',
      subjectId: input.subjectId,
      documentType: 'RESIDENCE_PERMIT',
      documentCountry: 'DE',
      status: 'NOT_STARTED',
      attempts: 0,
      attemptsRemaining: 3,
      rejectionReason: null,
      submittedAt: null,
      reviewedAt: null,
      reviewerNote: null,
      expiresAt: null,
      streamer: { id: input.subjectId },
      brand: null,
    });
    expect(kycCase.events).toEqual([{ fromStatus: null, toStatus: 'NOT_STARTED', at: expect.any(String), note: 'Case opened' }]);
    expect((await driver.ok(READ, { id: kycCase.id }))['kycCase']).toEqual(kycCase);
  });

  it('opens a brand case with a business registration', async () => {
    const subjectId = randomUUID();
    const kycCase = await driver.open({ subjectType: 'BRAND', subjectId, documentType: 'BUSINESS_REGISTRATION', documentCountry: 'NL' });
    expect(kycCase).toMatchObject({ subjectType: 'BRAND', status: 'NOT_STARTED', brand: { id: subjectId }, streamer: null });
  });

  it.each([
    ['input.subjectId', { subjectId: 'not-a-uuid' }],
    ['input.documentCountry', { documentCountry: 'usa' }],
    ['input.documentCountry', { documentCountry: 'us' }],
    ['input.documentType', { subjectType: 'BRAND', documentType: 'PASSPORT' }],
    ['input.documentType', { subjectType: 'STREAMER', documentType: 'BUSINESS_REGISTRATION' }],
  ])('rejects bad input at %s and writes nothing', async (field, overrides) => {
    const before = await caseCount();
    const result = await expectError(OPEN, { input: openInput(overrides) }, { code: 'BAD_USER_INPUT', field });
    expect(result.data).toBeNull();
    expect(await caseCount()).toBe(before);
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    for (const id of [MISSING, 'nope']) {
      const read = await expectError(READ, { id }, { code: 'NOT_FOUND' });
      expect(read.data!['kycCase']).toBeNull();
    }
  });
});

describe('one case in progress per subject', () => {
  it('refuses a second case while one is open, pending, in review or rejected with attempts left', async () => {
    for (const state of ['NOT_STARTED', 'PENDING', 'IN_REVIEW', 'REJECTED'] as const) {
      const first = await driver.caseIn(state);
      const before = await caseCount();
      const second = await expectError(
        OPEN,
        { input: openInput({ subjectId: first.subjectId, documentType: 'NATIONAL_ID' }) },
        { code: 'CONFLICT', field: 'input.subjectId' },
      );
      expect(second.errors![0]!.message).toContain(first.id);
      expect(await caseCount()).toBe(before);
    }
  });

  it('allows a new case once the last is approved, finally rejected or expired', async () => {
    for (const state of ['APPROVED', 'REJECTED_FINAL', 'EXPIRED'] as const) {
      const first = await driver.caseIn(state);
      const next = await driver.open({ subjectId: first.subjectId });
      expect(next.status).toBe('NOT_STARTED');
    }
  });

  it('keeps streamers and brands apart even with one id', async () => {
    const subjectId = randomUUID();
    await driver.open({ subjectId });
    const brandCase = await driver.open({ subjectId, subjectType: 'BRAND', documentType: 'BUSINESS_REGISTRATION' });
    expect(brandCase.subjectType).toBe('BRAND');
  });
});

describe('rejection reasons and reviewer notes', () => {
  it('requires a real reason and a bounded note, naming the argument, and leaves the case alone', async () => {
    const kycCase = await driver.caseIn('IN_REVIEW');
    const reject = `mutation($id: ID!, $reason: String!) { rejectKycCase(id: $id, reason: $reason) { id } }`;
    await expectError(reject, { id: kycCase.id, reason: 'no' }, { code: 'BAD_USER_INPUT', field: 'reason' });
    await expectError(reject, { id: kycCase.id, reason: '       ' }, { code: 'BAD_USER_INPUT', field: 'reason' });
    const approve = `mutation($id: ID!, $note: String) { approveKycCase(id: $id, note: $note) { id status reviewerNote } }`;
    await expectError(approve, { id: kycCase.id, note: 'x'.repeat(1001) }, { code: 'BAD_USER_INPUT', field: 'note' });
    expect((await driver.ok(READ, { id: kycCase.id }))['kycCase']).toEqual(kycCase);

    const approved = await driver.ok(approve, { id: kycCase.id });
    expect(approved['approveKycCase']).toMatchObject({ status: 'APPROVED', reviewerNote: null });
  });

  it('keeps the reason until the subject resubmits, and the history keeps it after', async () => {
    const rejected = await driver.caseIn('REJECTED');
    expect(rejected.rejectionReason).toBe('The scan is blurred');
    const resubmitted = await driver.move(rejected.id, 'submit');
    expect(resubmitted).toMatchObject({ status: 'PENDING', attempts: 2, attemptsRemaining: 1, rejectionReason: null, reviewedAt: null });
    expect(resubmitted.events.map((e: { note: string | null }) => e.note)).toEqual([
      'Case opened',
      'Attempt 1 of 3',
      null,
      'The scan is blurred',
      'Attempt 2 of 3',
    ]);
  });
});

describe('kycCases list', () => {
  const PAGE = `query($first: Int, $after: String, $status: KycStatus, $subjectType: KycSubjectType) {
    kycCases(first: $first, after: $after, status: $status, subjectType: $subjectType) {
      nodes { id status subjectType } pageInfo { endCursor hasNextPage } } }`;

  it('pages with cursors, newest first, without overlap', async () => {
    for (let i = 0; i < 3; i += 1) await driver.open();
    const all = (await driver.ok(PAGE, { first: 100 }))['kycCases'].nodes.map((n: { id: string }) => n.id);
    expect(all).toEqual([...all].sort().reverse());
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } = (
        await driver.ok(PAGE, { first: 2, after })
      )['kycCases'];
      expect(page.nodes.length).toBeLessThanOrEqual(2);
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all);
    await expectError(`{ kycCases(after: "nonsense") { nodes { id } } }`, {}, { code: 'BAD_USER_INPUT', field: 'after' });
    await expectError(`{ kycCases(first: 0) { nodes { id } } }`, {}, { code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('filters by status as clients see it, and by subject type', async () => {
    const approved = await driver.caseIn('APPROVED');
    const expired = await driver.caseIn('EXPIRED');
    const pending = await driver.caseIn('PENDING', { subjectType: 'BRAND', documentType: 'BUSINESS_REGISTRATION' });
    const ids = async (filters: Record<string, unknown>) => {
      const nodes = (await driver.ok(PAGE, { first: 100, ...filters }))['kycCases'].nodes;
      for (const node of nodes) {
        if (filters['status']) expect(node.status).toBe(filters['status']);
        if (filters['subjectType']) expect(node.subjectType).toBe(filters['subjectType']);
      }
      return nodes.map((n: { id: string }) => n.id);
    };
    expect(await ids({ status: 'APPROVED' })).toContain(approved.id);
    expect(await ids({ status: 'APPROVED' })).not.toContain(expired.id);
    expect(await ids({ status: 'EXPIRED' })).toContain(expired.id);
    expect(await ids({ status: 'EXPIRED' })).not.toContain(approved.id);
    expect(await ids({ status: 'PENDING', subjectType: 'BRAND' })).toContain(pending.id);
    expect(await ids({ status: 'PENDING', subjectType: 'STREAMER' })).not.toContain(pending.id);
    expect(await ids({ subjectType: 'STREAMER' })).not.toContain(pending.id);
  });
});
