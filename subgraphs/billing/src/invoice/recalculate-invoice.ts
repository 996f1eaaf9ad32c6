import type { Prisma } from '../generated/prisma/client';
import { invoiceAmounts } from './invoice-money';

/** Sets the invoice's subtotal, tax and total from its lines; inside the transaction that changed them. */
export async function recalculateInvoice(tx: Prisma.TransactionClient, invoice: { id: string; taxRateBasisPoints: number }) {
  const { _sum } = await tx.invoiceLine.aggregate({ where: { invoiceId: invoice.id }, _sum: { amountMinor: true } });
  return tx.invoice.update({ where: { id: invoice.id }, data: invoiceAmounts(_sum.amountMinor ?? 0n, invoice.taxRateBasisPoints) });
}
