import { randomUUID } from 'node:crypto';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { identitySubgraph } from '../src/index';
import { ENDED_SESSION_RETENTION_MS, purgeExpired } from '../src/maintenance/purge-expired';
import { hashRefreshToken } from '../src/session/session-token';
import { REFRESH_GRACE_MAX_USES, REFRESH_GRACE_MS } from '../src/session/session-lifetimes';
import { REFRESH, SESSION_FIELDS, SET_STATUS, adminViewer, createAccount, signIn, viewerOf } from './factories';
import type { AuthPayload } from './factories';

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

const refresh = (refreshToken: string) => subgraph.query(REFRESH, { refreshToken });
async function refreshed(refreshToken: string): Promise<AuthPayload> {
  const result = await refresh(refreshToken);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!['refreshSession'] as AuthPayload;
}
const REFUSED = { message: 'The refresh token is invalid or has expired; sign in again', extensions: { code: 'UNAUTHENTICATED' } };
async function expectRefused(refreshToken: string) {
  const result = await refresh(refreshToken);
  expect(result.data).toBeNull();
  expect(result.errors![0]).toMatchObject(REFUSED);
}
const sessionOf = (payload: AuthPayload) => db.accountSession.findUniqueOrThrow({ where: { id: viewerOf(payload).sessionId! } });
/** Moves a used token's rotation into the past, beyond the grace window. */
const ageRotation = (refreshToken: string) =>
  db.refreshToken.update({
    where: { tokenHash: hashRefreshToken(refreshToken) },
    data: { rotatedAt: new Date(Date.now() - REFRESH_GRACE_MS - 1000) },
  });

async function signedIn(kind: 'BRAND' | 'STREAMER' = 'BRAND') {
  const account = await createAccount(db, kind);
  return { account, payload: await signIn(subgraph, kind, account.email) };
}

describe('refresh token rotation', () => {
  it('exchanges a refresh token for a new pair in the same session, extending its idle expiry', async () => {
    const { account, payload } = await signedIn();
    const next = await refreshed(payload.refreshToken);
    expect(next.refreshToken).not.toBe(payload.refreshToken);
    expect(next.accessToken).not.toBe(payload.accessToken);
    expect(next.account.id).toBe(account.id);
    const [before, after] = [decodeJwt(payload.accessToken), decodeJwt(next.accessToken)];
    expect(after).toMatchObject({ sub: account.id, sid: before['sid'], eid: account.brandId });
    expect(after.jti).not.toBe(before.jti);

    const third = await refreshed(next.refreshToken);
    expect(await db.refreshToken.count({ where: { sessionId: after['sid'] as string } })).toBe(3);
    expect((await sessionOf(next)).lastUsedAt.getTime()).toBeGreaterThanOrEqual((await sessionOf(payload)).createdAt.getTime());
    expect(third.refreshTokenExpiresAt > next.refreshTokenExpiresAt).toBe(true);
  });

  it('revokes the whole family when a rotated token is presented again after the grace window', async () => {
    const { payload } = await signedIn();
    const next = await refreshed(payload.refreshToken);
    await ageRotation(payload.refreshToken);
    await expectRefused(payload.refreshToken); // an attacker (or the victim) replays the old token
    expect(await sessionOf(payload)).toMatchObject({ revokedAt: expect.any(Date), revokedReason: 'REFRESH_TOKEN_REUSE' });
    await expectRefused(next.refreshToken); // the latest token of the family is dead too
  });

  it('gives a client that lost the response a new pair within the grace window, a limited number of times', async () => {
    const { payload } = await signedIn();
    const winner = await refreshed(payload.refreshToken);
    const retries: AuthPayload[] = [];
    for (let i = 0; i < REFRESH_GRACE_MAX_USES; i += 1) retries.push(await refreshed(payload.refreshToken));
    expect(new Set([winner, ...retries].map((pair) => pair.refreshToken)).size).toBe(1 + REFRESH_GRACE_MAX_USES);
    expect(await refreshed(retries[0]!.refreshToken)).toBeDefined();
    // One use too many is reuse.
    await expectRefused(payload.refreshToken);
    expect((await sessionOf(payload)).revokedReason).toBe('REFRESH_TOKEN_REUSE');
    await expectRefused(winner.refreshToken);
  });

  it('lets exactly one of 10 concurrent refreshes with one token rotate it (plus at most the grace allowance)', async () => {
    const { payload } = await signedIn('STREAMER');
    const results = await Promise.all(Array.from({ length: 10 }, () => refresh(payload.refreshToken)));
    const succeeded = results.filter((result) => !result.errors);
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    expect(succeeded.length).toBeLessThanOrEqual(1 + REFRESH_GRACE_MAX_USES);
    for (const result of results.filter((r) => r.errors)) expect(result.errors![0]).toMatchObject(REFUSED);

    const original = await db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashRefreshToken(payload.refreshToken) } });
    expect(original.rotatedAt).not.toBeNull();
    expect(original.graceUses).toBe(succeeded.length - 1);
    const issued = await db.refreshToken.count({ where: { sessionId: original.sessionId, id: { not: original.id } } });
    expect(issued).toBe(succeeded.length);
    // More uses than the grace allows, all at once, look like a replay: the family is revoked.
    expect((await sessionOf(payload)).revokedReason).toBe('REFRESH_TOKEN_REUSE');
  });

  it('refuses unknown, idle-expired, and suspended accounts’ tokens', async () => {
    await expectRefused('not-a-token');
    await expectRefused(randomUUID());
    const idle = await signedIn();
    await db.refreshToken.update({
      where: { tokenHash: hashRefreshToken(idle.payload.refreshToken) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expectRefused(idle.payload.refreshToken);

    const suspended = await signedIn('STREAMER');
    await subgraph.query(SET_STATUS, { id: suspended.account.id, status: 'SUSPENDED' }, adminViewer());
    await expectRefused(suspended.payload.refreshToken);
  });
});

describe('signing out and sessions', () => {
  it('signOut ends the current session: its refresh token stops working', async () => {
    const { payload } = await signedIn();
    const result = await subgraph.query(`mutation { signOut }`, {}, viewerOf(payload));
    expect(result.data).toEqual({ signOut: true });
    expect((await sessionOf(payload)).revokedReason).toBe('SIGN_OUT');
    await expectRefused(payload.refreshToken);
    expect((await subgraph.query(`mutation { signOut }`)).errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('signOutSession ends one of the viewer’s own sessions by id, and no one else’s', async () => {
    const { account, payload: laptop } = await signedIn();
    const phone = await signIn(subgraph, 'BRAND', account.email);
    const SIGN_OUT_SESSION = `mutation($id: ID!) { signOutSession(id: $id) { ${SESSION_FIELDS} } }`;
    const ended = await subgraph.query(SIGN_OUT_SESSION, { id: viewerOf(phone).sessionId }, viewerOf(laptop));
    expect(ended.data!['signOutSession']).toMatchObject({ id: viewerOf(phone).sessionId, active: false, current: false });
    await expectRefused(phone.refreshToken);
    expect(await refreshed(laptop.refreshToken)).toBeDefined();

    const stranger = await signedIn();
    const foreign = await subgraph.query(SIGN_OUT_SESSION, { id: viewerOf(stranger.payload).sessionId }, viewerOf(laptop));
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await sessionOf(stranger.payload)).revokedAt).toBeNull();
  });

  it('signOutEverywhere ends every session of the account', async () => {
    const { account, payload } = await signedIn('STREAMER');
    const others = [await signIn(subgraph, 'STREAMER', account.email), await signIn(subgraph, 'STREAMER', account.email)];
    const result = await subgraph.query(`mutation { signOutEverywhere }`, {}, viewerOf(payload));
    expect(result.data).toEqual({ signOutEverywhere: 3 });
    for (const pair of [payload, ...others]) await expectRefused(pair.refreshToken);
  });

  it('lists only the viewer’s own live sessions, marking the current one', async () => {
    const { account, payload: first } = await signedIn();
    const second = await signIn(subgraph, 'BRAND', account.email);
    const ended = await signIn(subgraph, 'BRAND', account.email);
    await subgraph.query(`mutation { signOut }`, {}, viewerOf(ended));
    const stranger = await signedIn();

    const MINE = `{ mySessions { id current active userAgent ipAddress createdAt lastUsedAt } }`;
    const mine = (await subgraph.query(MINE, {}, viewerOf(second))).data!['mySessions'] as { id: string; current: boolean }[];
    expect(mine.map(({ id, current }) => ({ id, current }))).toEqual([
      { id: viewerOf(second).sessionId, current: true },
      { id: viewerOf(first).sessionId, current: false },
    ]);
    expect((await subgraph.query(MINE)).errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });

    const SESSIONS_OF = `query($id: ID!) { account(id: $id) { sessions { id } } }`;
    const own = await subgraph.query(SESSIONS_OF, { id: account.id }, viewerOf(first));
    expect(own.data!['account'].sessions).toHaveLength(3);
    const admin = await subgraph.query(SESSIONS_OF, { id: stranger.account.id }, adminViewer());
    expect(admin.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const foreign = await subgraph.query(
      `query($id: ID!) { accountSession(id: $id) { id } }`,
      { id: viewerOf(stranger.payload).sessionId },
      viewerOf(first),
    );
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('purging', () => {
  it('deletes sessions ended (revoked, past their end, idle) longer than the retention ago, with their tokens, and keeps the rest', async () => {
    const long = new Date(Date.now() - ENDED_SESSION_RETENTION_MS - 60_000);
    const recent = new Date(Date.now() - 60_000);
    const revokedLong = (await signedIn()).payload;
    const revokedRecently = (await signedIn()).payload;
    const idleLong = (await signedIn()).payload;
    const live = (await signedIn()).payload;
    const id = (payload: AuthPayload) => viewerOf(payload).sessionId!;
    await db.accountSession.update({ where: { id: id(revokedLong) }, data: { revokedAt: long, revokedReason: 'SIGN_OUT' } });
    await db.accountSession.update({ where: { id: id(revokedRecently) }, data: { revokedAt: recent, revokedReason: 'SIGN_OUT' } });
    await db.refreshToken.updateMany({ where: { sessionId: id(idleLong) }, data: { expiresAt: long } });

    const purged = await purgeExpired(db);
    expect(purged.sessions).toBeGreaterThanOrEqual(2);
    const left = await db.accountSession.findMany({ where: { id: { in: [revokedLong, revokedRecently, idleLong, live].map(id) } } });
    expect(left.map((session) => session.id).sort()).toEqual([id(revokedRecently), id(live)].sort());
    expect(await db.refreshToken.count({ where: { sessionId: { in: [id(revokedLong), id(idleLong)] } } })).toBe(0);
    expect(await refreshed(live.refreshToken)).toBeDefined();
  });
});
