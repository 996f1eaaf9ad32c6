/** What we need to know about a failed database call, whichever Prisma layer reported it. */
interface PrismaLikeError {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
  cause?: { originalCode?: unknown };
}

/** The PostgreSQL SQLSTATE behind an error thrown by Prisma (with the pg driver adapter), if any. */
function sqlState(error: unknown): string | undefined {
  const e = error as PrismaLikeError | null | undefined;
  const code = e?.meta?.driverAdapterError?.cause?.originalCode ?? e?.cause?.originalCode;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A unique index refused the row: Prisma's P2002 from a model query, or SQLSTATE 23505 from raw SQL.
 * Catch it around the write and throw a `ConflictError` naming the field, rather than checking first
 * (another request can take the value between the check and the write).
 */
export function isUniqueViolation(error: unknown): boolean {
  return (error as PrismaLikeError | null | undefined)?.code === 'P2002' || sqlState(error) === '23505';
}

/** A deadlock or serialization failure: the transaction did nothing and may simply run again. */
export function isRetryableConflict(error: unknown): boolean {
  const state = sqlState(error);
  return (error as PrismaLikeError | null | undefined)?.code === 'P2034' || state === '40P01' || state === '40001';
}
