import type { Context } from '../context';
import { toInvoice } from './to-invoice';

/** Resolves `Invoice` entities for the router: one query for all of a request's references. */
export async function resolveInvoiceReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.invoice.load(reference.id);
  return row ? toInvoice(row) : null;
}
