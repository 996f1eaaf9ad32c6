import { BadUserInputError } from '@gametriggers/federation';
import type { Db } from '../db';
import { InvoiceStatus } from '../generated/prisma/enums';
import { assertInvoiceId, refuseTransition } from './find-invoice-or-explain';

/** How far ahead of our clock a payment date may be (clients' clocks drift). */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** ISSUED (or overdue) -> PAID, at `paidAt` (default now), which must lie between the issue and now. */
export async function markInvoicePaid(db: Db, id: string, paidAt: Date = new Date()) {
  assertInvoiceId(id);
  if (paidAt.getTime() > Date.now() + CLOCK_SKEW_MS) throw new BadUserInputError('paidAt', 'paidAt cannot be in the future');
  return db.$transaction(async (tx) => {
    const { count } = await tx.invoice.updateMany({
      where: { id, status: InvoiceStatus.ISSUED, issuedAt: { lte: paidAt } },
      data: { status: InvoiceStatus.PAID, paidAt },
    });
    if (count !== 1) {
      const row = await tx.invoice.findUnique({ where: { id } });
      if (row?.status === InvoiceStatus.ISSUED) throw new BadUserInputError('paidAt', 'paidAt is before the invoice was issued');
      await refuseTransition(tx, id, 'only an ISSUED invoice can be paid');
    }
    return tx.invoice.findUniqueOrThrow({ where: { id } });
  });
}
