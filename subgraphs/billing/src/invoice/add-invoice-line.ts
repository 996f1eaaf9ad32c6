import { BadUserInputError } from '@gametriggers/federation';
import type { Db } from '../db';
import { assertInvoiceId } from './find-invoice-or-explain';
import { MAX_LINES } from './invoice.inputs';
import type { InvoiceLineInput } from './invoice.inputs';
import { invoiceLineData } from './invoice-line-data';
import { lockDraftInvoice } from './lock-draft-invoice';
import { recalculateInvoice } from './recalculate-invoice';

/** Appends a line to a DRAFT invoice and updates its totals, in one transaction. */
export async function addInvoiceLine(db: Db, id: string, line: InvoiceLineInput) {
  assertInvoiceId(id);
  return db.$transaction(async (tx) => {
    const invoice = await lockDraftInvoice(tx, id);
    const last = await tx.invoiceLine.findFirst({ where: { invoiceId: id }, orderBy: { position: 'desc' } });
    const count = await tx.invoiceLine.count({ where: { invoiceId: id } });
    if (count >= MAX_LINES) throw new BadUserInputError('line', `an invoice has at most ${MAX_LINES} lines`);
    await tx.invoiceLine.create({
      data: { invoiceId: id, ...invoiceLineData(line, invoice.currency, 'line', (last?.position ?? -1) + 1) },
    });
    return recalculateInvoice(tx, invoice);
  });
}
