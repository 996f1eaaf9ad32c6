import { BadUserInputError } from '@gametriggers/federation';
import type { Db } from '../db';
import { InvoiceStatus } from '../generated/prisma/enums';
import { assertInvoiceId, refuseTransition } from './find-invoice-or-explain';

/** DRAFT or ISSUED (overdue too) -> VOID, with the reason kept on the invoice. A paid invoice stays paid. */
export async function voidInvoice(db: Db, id: string, reason: string) {
  const trimmed = reason.trim();
  if (trimmed.length < 1 || trimmed.length > 500) throw new BadUserInputError('reason', 'reason must be 1 to 500 characters');
  assertInvoiceId(id);
  return db.$transaction(async (tx) => {
    const { count } = await tx.invoice.updateMany({
      where: { id, status: { in: [InvoiceStatus.DRAFT, InvoiceStatus.ISSUED] } },
      data: { status: InvoiceStatus.VOID, voidedAt: new Date(), voidReason: trimmed },
    });
    if (count !== 1) await refuseTransition(tx, id, 'only a DRAFT or ISSUED invoice can be voided');
    return tx.invoice.findUniqueOrThrow({ where: { id } });
  });
}
