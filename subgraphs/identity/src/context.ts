import { ANONYMOUS } from '@gametriggers/auth';
import type { Viewer } from '@gametriggers/auth';
import { createByIdLoader, createGroupLoader, isUuid } from '@gametriggers/federation';
import type { SubgraphDependencies } from '@gametriggers/federation';
import type express from 'express';
import type { Db } from './db';
import type { Prisma } from './generated/prisma/client';
import { identityServices } from './services';

/** What identity records of a client: its address as the router saw it and its User-Agent. */
export interface ClientInfo {
  ip: string | undefined;
  userAgent: string | undefined;
}

/**
 * The client's address: the router replaces x-forwarded-for on every subgraph request with the one
 * address it determined (its TRUST_PROXY rules); the first entry, should anything append to it on
 * the way. Without the header (a direct call), the TCP peer.
 */
export function clientInfo(request: express.Request | undefined): ClientInfo {
  const forwarded = request?.header('x-forwarded-for')?.split(',')[0]?.trim();
  const userAgent = request?.header('user-agent')?.slice(0, 512);
  return { ip: forwarded || request?.socket.remoteAddress || undefined, userAgent: userAgent || undefined };
}

export function createContext(db: Db, deps: SubgraphDependencies, request?: express.Request) {
  const now = new Date();
  /** Sessions of many accounts in one query, newest first; `where` narrows to active or ended ones. */
  const sessionsLoader = (where: Prisma.AccountSessionWhereInput) =>
    createGroupLoader(
      (accountIds: string[]) =>
        db.accountSession.findMany({ where: { ...where, accountId: { in: accountIds.filter(isUuid) } }, orderBy: { id: 'desc' } }),
      (row) => row.accountId,
    );
  return {
    db,
    logger: deps.logger,
    services: identityServices(db, deps),
    client: clientInfo(request),
    /** Set by the subgraph server from the router's internal token (anonymous until then). */
    viewer: ANONYMOUS as Viewer,
    /** One clock per request, so `active` means the same in every field of a response. */
    now,
    loaders: {
      account: createByIdLoader((ids) => db.account.findMany({ where: { id: { in: ids } } })),
      session: createByIdLoader((ids) => db.accountSession.findMany({ where: { id: { in: ids } } })),
      sessionsOf: sessionsLoader({}),
      activeSessionsOf: sessionsLoader({ revokedAt: null, expiresAt: { gt: now } }),
      endedSessionsOf: sessionsLoader({ OR: [{ revokedAt: { not: null } }, { expiresAt: { lte: now } }] }),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
