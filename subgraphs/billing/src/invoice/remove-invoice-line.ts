import { NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import { assertInvoiceId } from './find-invoice-or-explain';
import { lockDraftInvoice } from './lock-draft-invoice';
import { recalculateInvoice } from './recalculate-invoice';

/** Removes a line from a DRAFT invoice and updates its totals, in one transaction. */
export async function removeInvoiceLine(db: Db, id: string, lineId: string) {
  assertInvoiceId(id);
  return db.$transaction(async (tx) => {
    const invoice = await lockDraftInvoice(tx, id);
    const { count } = isUuid(lineId) ? await tx.invoiceLine.deleteMany({ where: { id: lineId, invoiceId: id } }) : { count: 0 };
    if (count !== 1) throw new NotFoundError('InvoiceLine', lineId);
    return recalculateInvoice(tx, invoice);
  });
}
