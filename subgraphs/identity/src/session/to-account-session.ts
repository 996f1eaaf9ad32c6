import type { AccountSession as SessionRow } from '../generated/prisma/client';
import type { AccountSession } from './account-session.type';

/** The GraphQL shape of a stored session; `current` when it is the session of the viewer's token. */
export function toAccountSession(row: SessionRow, now = new Date(), viewerSessionId?: string): AccountSession {
  return {
    id: row.id,
    accountId: row.accountId,
    userAgent: row.userAgent,
    ipAddress: row.ipAddress,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    active: row.revokedAt === null && row.expiresAt.getTime() > now.getTime(),
    current: viewerSessionId !== undefined && row.id === viewerSessionId,
  };
}
