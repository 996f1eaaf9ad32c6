import { randomUUID } from 'node:crypto';
import { ANONYMOUS } from '@gametriggers/auth';
import type { Viewer } from '@gametriggers/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { kycSubgraph } from '../src/index';
import { OPEN, READ, openInput } from './factories';

const streamer = (id: string): Viewer => ({ kind: 'STREAMER', entityId: id, accountId: randomUUID(), scopes: [] });
const brand = (id: string): Viewer => ({ kind: 'BRAND', entityId: id, accountId: randomUUID(), scopes: [] });
const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.['code'];

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(kycSubgraph, { viewer: testAdmin });
});
afterAll(() => subgraph?.stop());

describe('who may see and move identity checks', () => {
  it('lets the subject open, see and submit its own case; admins review; nobody else learns it exists', async () => {
    const kira = randomUUID();
    const input = openInput({ subjectId: kira });
    expect(codeOf(await subgraph.query(OPEN, { input }, ANONYMOUS))).toBe('UNAUTHENTICATED');
    expect(codeOf(await subgraph.query(OPEN, { input }, streamer(randomUUID())))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph.query(OPEN, { input }, brand(kira)))).toBe('FORBIDDEN'); // a brand with the same id is not the streamer
    const opened = await subgraph.query(OPEN, { input }, streamer(kira));
    expect(opened.errors).toBeUndefined();
    const id = opened.data!['openKycCase'].id as string;

    for (const viewer of [streamer(randomUUID()), brand(randomUUID())]) {
      const read = await subgraph.query(READ, { id }, viewer);
      expect(read.data!['kycCase']).toBeNull();
      expect(codeOf(read)).toBe('NOT_FOUND');
      expect(codeOf(await subgraph.query(`mutation($id: ID!) { submitKycCase(id: $id) { id } }`, { id }, viewer))).toBe('NOT_FOUND');
    }
    expect((await subgraph.query(READ, { id }, streamer(kira))).data!['kycCase']).toMatchObject({ id });
    const submitted = await subgraph.query(`mutation($id: ID!) { submitKycCase(id: $id) { status } }`, { id }, streamer(kira));
    expect(submitted.data!['submitKycCase'].status).toBe('PENDING');

    // Reviewing is for admins; the subject cannot approve itself.
    expect(codeOf(await subgraph.query(`mutation($id: ID!) { startKycReview(id: $id) { id } }`, { id }, streamer(kira)))).toBe('FORBIDDEN');
    expect((await subgraph.query(`mutation($id: ID!) { startKycReview(id: $id) { status } }`, { id })).data!['startKycReview'].status).toBe(
      'IN_REVIEW',
    );
    expect(codeOf(await subgraph.query(`mutation($id: ID!) { approveKycCase(id: $id) { id } }`, { id }, streamer(kira)))).toBe('FORBIDDEN');
    expect((await subgraph.query(`mutation($id: ID!) { approveKycCase(id: $id) { status } }`, { id })).data!['approveKycCase'].status).toBe(
      'APPROVED',
    );

    // The review queue and a streamer's case list: admins, and the streamer for its own.
    expect(codeOf(await subgraph.query(`{ kycCases(first: 5) { nodes { id } } }`, {}, streamer(kira)))).toBe('FORBIDDEN');
    const cases = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Streamer { kycStatus kycCases { id } } } }`;
    const representations = [{ __typename: 'Streamer', id: kira }];
    expect((await subgraph.query(cases, { r: representations }, streamer(kira))).data!['_entities'][0].kycCases).toEqual([{ id }]);
    const stranger = await subgraph.query(cases, { r: representations }, brand(randomUUID()));
    expect(codeOf(stranger)).toBe('FORBIDDEN');
    expect(stranger.data!['_entities'][0].kycStatus).toBe('APPROVED'); // the status itself is public (a verified badge)
  });
});
