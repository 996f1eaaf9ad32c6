import { Prisma } from '../generated/prisma/client';

/**
 * Campaign statuses that compete for streamers and categories: a draft, a campaign in review or a
 * finished one conflicts with nothing (it can still be evaluated itself, e.g. before approval).
 */
export const COMPETING_STATUSES: ReadonlySet<string> = new Set(['APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED']);

/** The predicate of the partial indexes of the migration, verbatim, so the planner can use them. */
export const COMPETING_SQL = Prisma.raw(`"status" IN ('APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED')`);
