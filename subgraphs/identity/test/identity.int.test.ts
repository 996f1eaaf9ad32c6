import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { identitySubgraph } from '../src/index';
import {
  ACCOUNT_FIELDS,
  PASSWORD,
  SET_STATUS,
  SIGN_IN,
  adminViewer,
  createAccount,
  freshIp,
  queryFrom,
  signIn,
  viewerOf,
} from './factories';

let subgraph: TestSubgraph;
let db: Db;
beforeAll(async () => {
  subgraph = await startTestSubgraph(identitySubgraph);
  db = createDb(subgraph.databaseUrl);
});
afterAll(async () => {
  await db?.$disconnect();
  await subgraph?.stop();
});

const ACCOUNT = `query($id: ID!) { account(id: $id) { ${ACCOUNT_FIELDS} brand { id } streamer { id } } }`;
const admin = adminViewer();

describe('accounts', () => {
  it('shows an account to itself and to admins only; `me` is the viewer', async () => {
    const account = await createAccount(db, 'BRAND');
    const other = await createAccount(db, 'STREAMER');
    const viewer = viewerOf(await signIn(subgraph, 'BRAND', account.email));

    const own = await subgraph.query(ACCOUNT, { id: account.id }, viewer);
    expect(own.data!['account']).toMatchObject({ id: account.id, kind: 'BRAND', brand: { id: account.brandId }, streamer: null });
    expect((await subgraph.query(`{ me { id email } }`, {}, viewer)).data!['me']).toEqual({ id: account.id, email: account.email });
    expect((await subgraph.query(ACCOUNT, { id: account.id }, admin)).data!['account']).toMatchObject({ id: account.id });

    const foreign = await subgraph.query(ACCOUNT, { id: other.id }, viewer);
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    for (const query of [`{ me { id } }`, `query($id: ID!) { account(id: $id) { id } }`]) {
      const anonymous = await subgraph.query(query, { id: account.id });
      expect(anonymous.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('lists and changes accounts for admins only', async () => {
    const account = await createAccount(db, 'STREAMER');
    const viewer = viewerOf(await signIn(subgraph, 'STREAMER', account.email));
    for (const [query, variables] of [
      [`{ accounts { nodes { id } } }`, {}],
      [SET_STATUS, { id: account.id, status: 'SUSPENDED' }],
    ] as const) {
      expect((await subgraph.query(query, variables, viewer)).errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect((await subgraph.query(query, variables)).errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    const listed = await subgraph.query(`{ accounts(first: 100, kind: STREAMER) { nodes { id } } }`, {}, admin);
    expect(listed.data!['accounts'].nodes).toContainEqual({ id: account.id });
  });

  it('suspending revokes every session and refuses sign-in (FORBIDDEN only with the right password) until reactivated', async () => {
    const account = await createAccount(db, 'STREAMER');
    await signIn(subgraph, 'STREAMER', account.email);
    await signIn(subgraph, 'STREAMER', account.email);
    const suspended = await subgraph.query(SET_STATUS, { id: account.id, status: 'SUSPENDED' }, admin);
    expect(suspended.data!['setAccountStatus']).toEqual({ id: account.id, status: 'SUSPENDED' });
    const sessions = await db.accountSession.findMany({ where: { accountId: account.id } });
    expect(sessions).toHaveLength(2);
    expect(sessions.every((session) => session.revokedAt && session.revokedReason === 'ACCOUNT_STATUS')).toBe(true);

    const attempt = (password: string) => queryFrom(subgraph, freshIp(), SIGN_IN.STREAMER, { input: { email: account.email, password } });
    expect((await attempt(PASSWORD)).errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await attempt('Wrong-Password-123')).errors![0]).toMatchObject({
      message: 'Invalid email or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    await subgraph.query(SET_STATUS, { id: account.id, status: 'ACTIVE' }, admin);
    expect((await attempt(PASSWORD)).errors).toBeUndefined();
  });

  it('answers NOT_FOUND to admins for unknown ids, UUIDs or not', async () => {
    for (const id of [randomUUID(), 'nonsense']) {
      const account = await subgraph.query(`query($id: ID!) { account(id: $id) { id } }`, { id }, admin);
      expect(account.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
      const status = await subgraph.query(SET_STATUS, { id, status: 'SUSPENDED' }, admin);
      expect(status.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('schema and federation', () => {
  it('never exposes password, token or key material, and has no public account creation', async () => {
    const result = await subgraph.query(`{ __schema { types { name fields { name } inputFields { name } } } }`);
    const types = result.data!['__schema'].types as {
      name: string;
      fields: { name: string }[] | null;
      inputFields: { name: string }[] | null;
    }[];
    const names = types.flatMap((type) => [...(type.fields ?? []), ...(type.inputFields ?? [])].map((field) => field.name));
    expect(names.filter((name) => /hash|secret|private|sealed/i.test(name))).toEqual([]);
    const mutations = types.find((type) => type.name === 'Mutation')!.fields!.map((field) => field.name);
    expect(mutations).not.toContain('createAccount');
    expect(mutations).not.toContain('signIn');
    expect(mutations).toEqual(
      expect.arrayContaining(['registerBrand', 'registerStreamer', 'signInBrand', 'signInStreamer', 'signInAdmin']),
    );
  });

  it('resolves Account references in a batch, and AccountSession references only for their own account', async () => {
    const a = await createAccount(db, 'BRAND');
    const b = await createAccount(db, 'STREAMER');
    const viewer = viewerOf(await signIn(subgraph, 'STREAMER', b.email));
    const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Account { id email brand { id } streamer { id } }
        ... on AccountSession { id accountId current } } }`;
    const representations = [
      { __typename: 'Account', id: b.id },
      { __typename: 'AccountSession', id: viewer.sessionId },
      { __typename: 'Account', id: a.id },
      { __typename: 'Account', id: randomUUID() },
    ];
    const result = await subgraph.query(ENTITIES, { representations }, viewer);
    expect(result.data!['_entities']).toEqual([
      { id: b.id, email: b.email, brand: null, streamer: { id: b.streamerId } },
      { id: viewer.sessionId, accountId: b.id, current: true },
      { id: a.id, email: a.email, brand: { id: a.brandId }, streamer: null },
      null,
    ]);
    const asOther = await subgraph.query(ENTITIES, { representations: [representations[1]] }, admin);
    expect(asOther.data!['_entities']).toEqual([null]);
  });
});
