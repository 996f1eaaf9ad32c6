import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestSubgraph } from '@gametriggers/testkit';
import type { Db } from '../src/db';

export const CASE_FIELDS = `
  id subjectType subjectId documentType documentCountry status attempts attemptsRemaining
  rejectionReason submittedAt reviewedAt reviewerNote expiresAt createdAt updatedAt
  events { fromStatus toStatus at note }
  streamer { id } brand { id }`;

export const OPEN = `mutation($input: OpenKycCaseInput!) { openKycCase(input: $input) { ${CASE_FIELDS} } }`;
export const READ = `query($id: ID!) { kycCase(id: $id) { ${CASE_FIELDS} } }`;

/** The four transitions, as a client sends them. */
export const TRANSITIONS = {
  submit: `mutation($id: ID!) { submitKycCase(id: $id) { ${CASE_FIELDS} } }`,
  startReview: `mutation($id: ID!) { startKycReview(id: $id) { ${CASE_FIELDS} } }`,
  approve: `mutation($id: ID!) { approveKycCase(id: $id, note: "Document and selfie match") { ${CASE_FIELDS} } }`,
  reject: `mutation($id: ID!) { rejectKycCase(id: $id, reason: "The scan is blurred") { ${CASE_FIELDS} } }`,
} as const;
export type Transition = keyof typeof TRANSITIONS;

/** A valid OpenKycCaseInput for a new streamer; override any field. */
export function openInput(overrides: Record<string, unknown> = {}) {
  return { subjectType: 'STREAMER', subjectId: randomUUID(), documentType: 'PASSPORT', documentCountry: 'US', ...overrides };
}

/** Where a case can be brought for a test; REJECTED_FINAL is REJECTED with every attempt used. */
export type CaseState = 'NOT_STARTED' | 'PENDING' | 'IN_REVIEW' | 'APPROVED' | 'REJECTED' | 'REJECTED_FINAL' | 'EXPIRED';

const PATHS: Record<CaseState, Transition[]> = {
  NOT_STARTED: [],
  PENDING: ['submit'],
  IN_REVIEW: ['submit', 'startReview'],
  APPROVED: ['submit', 'startReview', 'approve'],
  REJECTED: ['submit', 'startReview', 'reject'],
  REJECTED_FINAL: ['submit', 'startReview', 'reject', 'submit', 'startReview', 'reject', 'submit', 'startReview', 'reject'],
  EXPIRED: ['submit', 'startReview', 'approve'],
};

/** Drives cases through the API; `db` only stands in for the passing of time (an approval running out). */
export function kycDriver(subgraph: TestSubgraph, db: Db) {
  async function ok(query: string, variables: Record<string, unknown> = {}) {
    const result = await subgraph.query(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  async function open(overrides: Record<string, unknown> = {}) {
    return (await ok(OPEN, { input: openInput(overrides) }))['openKycCase'];
  }

  async function move(id: string, transition: Transition) {
    return Object.values(await ok(TRANSITIONS[transition], { id }))[0];
  }

  /** A new case in `state`, opened with `overrides`. */
  async function caseIn(state: CaseState, overrides: Record<string, unknown> = {}) {
    let kycCase = await open(overrides);
    for (const transition of PATHS[state]) kycCase = await move(kycCase.id, transition);
    if (state === 'EXPIRED') {
      await db.kycCase.update({ where: { id: kycCase.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      kycCase = (await ok(READ, { id: kycCase.id }))['kycCase'];
    }
    return kycCase;
  }

  return { ok, open, move, caseIn };
}
