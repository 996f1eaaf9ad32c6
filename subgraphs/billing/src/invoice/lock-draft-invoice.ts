import type { Prisma } from '../generated/prisma/client';
import { InvoiceStatus } from '../generated/prisma/enums';
import { refuseTransition } from './find-invoice-or-explain';

/**
 * Locks the invoice's row for the rest of the transaction if, and only if, it is a DRAFT: one conditional
 * UPDATE, so a concurrent issue or void either waits for us or has already won and we refuse.
 */
export async function lockDraftInvoice(tx: Prisma.TransactionClient, id: string) {
  const { count } = await tx.invoice.updateMany({ where: { id, status: InvoiceStatus.DRAFT }, data: { updatedAt: new Date() } });
  if (count !== 1) await refuseTransition(tx, id, 'only a DRAFT invoice can change its lines');
  return tx.invoice.findUniqueOrThrow({ where: { id } });
}
