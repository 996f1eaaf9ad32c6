import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { kycSubgraph } from '../src/index';
import { CASE_FIELDS, OPEN, READ, TRANSITIONS, kycDriver, openInput } from './factories';
import type { CaseState, Transition } from './factories';

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

/** Every legal move; everything else is BAD_USER_INPUT. */
const LEGAL: Record<CaseState, Partial<Record<Transition, string>>> = {
  NOT_STARTED: { submit: 'PENDING' },
  PENDING: { startReview: 'IN_REVIEW' },
  IN_REVIEW: { approve: 'APPROVED', reject: 'REJECTED' },
  APPROVED: {},
  REJECTED: { submit: 'PENDING' },
  REJECTED_FINAL: {},
  EXPIRED: {},
};
/** The status a client sees in each state. */
const SHOWN: Record<CaseState, string> = {
  NOT_STARTED: 'NOT_STARTED',
  PENDING: 'PENDING',
  IN_REVIEW: 'IN_REVIEW',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  REJECTED_FINAL: 'REJECTED',
  EXPIRED: 'EXPIRED',
};
const STATES = Object.keys(LEGAL) as CaseState[];
const MOVES = Object.keys(TRANSITIONS) as Transition[];
const MATRIX = STATES.flatMap((state) => MOVES.map((move) => [state, move, LEGAL[state][move] ?? null] as const));

describe('KYC case state machine', () => {
  it('covers every status and every transition', () => {
    expect(MATRIX).toHaveLength(7 * 4);
    expect(MATRIX.filter(([, , to]) => to)).toHaveLength(5);
  });

  it.each(MATRIX)('%s --%s--> %s', async (state, move, to) => {
    const before = await driver.caseIn(state);
    expect(before.status).toBe(SHOWN[state]);
    const result = await subgraph.query(TRANSITIONS[move], { id: before.id });

    if (!to) {
      expect(result.data).toBeNull();
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(result.errors![0]!.message).toContain(`is ${SHOWN[state]}`);
      const after = (await driver.ok(READ, { id: before.id }))['kycCase'];
      expect(after).toEqual(before);
      return;
    }

    expect(result.errors).toBeUndefined();
    const after = Object.values(result.data!)[0];
    expect(after.status).toBe(to);
    expect(after.events).toHaveLength(before.events.length + 1);
    expect(after.events.at(-1)).toMatchObject({ fromStatus: SHOWN[state], toStatus: to });
    expect(after.attempts).toBe(before.attempts + (move === 'submit' ? 1 : 0));
    if (move === 'submit') {
      expect(after).toMatchObject({ rejectionReason: null, reviewedAt: null, attemptsRemaining: 3 - after.attempts });
      expect(Date.parse(after.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
    }
    if (move === 'approve') {
      const reviewedAt = new Date(after.reviewedAt);
      const expected = new Date(reviewedAt);
      expected.setUTCFullYear(expected.getUTCFullYear() + 1);
      expect(after).toMatchObject({ reviewerNote: 'Document and selfie match', expiresAt: expected.toISOString() });
    }
    if (move === 'reject') expect(after).toMatchObject({ rejectionReason: 'The scan is blurred', expiresAt: null });
    expect((await driver.ok(READ, { id: before.id }))['kycCase']).toEqual(after);
  });

  it('allows three submissions per case, then refuses a fourth naming the attempts', async () => {
    const kycCase = await driver.caseIn('REJECTED_FINAL');
    expect(kycCase).toMatchObject({ status: 'REJECTED', attempts: 3, attemptsRemaining: 0, rejectionReason: 'The scan is blurred' });
    expect(kycCase.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'NOT_STARTED',
      ...Array.from({ length: 3 }, () => ['PENDING', 'IN_REVIEW', 'REJECTED']).flat(),
    ]);
    expect(kycCase.events.filter((e: { note: string }) => e.note === 'The scan is blurred')).toHaveLength(3);
    const fourth = await subgraph.query(TRANSITIONS.submit, { id: kycCase.id });
    expect(fourth.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(fourth.errors![0]!.message).toMatch(/REJECTED.*all 3 attempts/);
  });

  it('answers NOT_FOUND for every transition of an unknown case', async () => {
    for (const id of ['0190a000-0000-7000-8000-000000000000', 'not-a-uuid']) {
      for (const move of MOVES) {
        const result = await subgraph.query(TRANSITIONS[move], { id });
        expect(result.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
      }
    }
  });
});

describe('concurrency', () => {
  it('lets exactly one of 10 concurrent approvals of one IN_REVIEW case win', async () => {
    const kycCase = await driver.caseIn('IN_REVIEW');
    const results = await Promise.all(Array.from({ length: 10 }, () => subgraph.query(TRANSITIONS.approve, { id: kycCase.id })));
    const winners = results.filter((result) => !result.errors);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((result) => result.errors)) {
      expect(loser.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(loser.errors![0]!.message).toContain('is APPROVED');
    }
    const after = (await driver.ok(READ, { id: kycCase.id }))['kycCase'];
    expect(after.status).toBe('APPROVED');
    expect(after.events.filter((e: { toStatus: string }) => e.toStatus === 'APPROVED')).toHaveLength(1);
  });

  it('lets exactly one of concurrent approve and reject calls win', async () => {
    const kycCase = await driver.caseIn('IN_REVIEW');
    const moves: Transition[] = ['approve', 'reject', 'approve', 'reject', 'reject', 'approve'];
    const results = await Promise.all(moves.map((move) => subgraph.query(TRANSITIONS[move], { id: kycCase.id })));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    const after = (await driver.ok(READ, { id: kycCase.id }))['kycCase'];
    expect(after.events).toHaveLength(kycCase.events.length + 1);
  });

  it('counts one attempt for 10 concurrent submissions', async () => {
    const kycCase = await driver.caseIn('NOT_STARTED');
    const results = await Promise.all(Array.from({ length: 10 }, () => subgraph.query(TRANSITIONS.submit, { id: kycCase.id })));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    const after = (await driver.ok(READ, { id: kycCase.id }))['kycCase'];
    expect(after).toMatchObject({ status: 'PENDING', attempts: 1 });
  });

  it('opens one case when a subject opens 10 at once', async () => {
    const input = openInput();
    const results = await Promise.all(Array.from({ length: 10 }, () => subgraph.query(OPEN, { input })));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    for (const loser of results.filter((result) => result.errors)) {
      expect(loser.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.subjectId' });
    }
    const cases = await driver.ok(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Streamer { kycCases { ${CASE_FIELDS} } } } }`,
      { reps: [{ __typename: 'Streamer', id: input.subjectId }] },
    );
    expect(cases['_entities'][0].kycCases).toHaveLength(1);
  });
});
