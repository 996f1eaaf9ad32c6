import { createByIdLoader, createGroupLoader, isUuid } from '@gametriggers/federation';
import type { SubgraphDependencies } from '@gametriggers/federation';
import type { Db } from './db';
import type { Prisma } from './generated/prisma/client';

export function createContext(db: Db, deps: SubgraphDependencies) {
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
