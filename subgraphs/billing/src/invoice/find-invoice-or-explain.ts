import { BadUserInputError, NotFoundError, isUuid } from '@gametriggers/federation';
import type { Prisma } from '../generated/prisma/client';
import { effectiveStatus } from './invoice-status';

/** Fails NOT_FOUND early for an id that cannot name an invoice. */
export function assertInvoiceId(id: string): void {
  if (!isUuid(id)) throw new NotFoundError('Invoice', id);
}

/**
 * Called when a conditional update matched no row: NOT_FOUND when the invoice does not exist,
 * otherwise BAD_USER_INPUT on `id` saying which state it is in.
 */
export async function refuseTransition(db: Prisma.TransactionClient, id: string, rule: string): Promise<never> {
  const row = await db.invoice.findUnique({ where: { id } });
  if (!row) throw new NotFoundError('Invoice', id);
  throw new BadUserInputError('id', `Invoice is ${effectiveStatus(row)}: ${rule}`);
}
