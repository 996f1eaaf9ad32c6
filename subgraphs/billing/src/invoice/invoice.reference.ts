import type { Context } from '../context';
import { assertCanReadInvoice } from './invoice-access';
import { toInvoice } from './to-invoice';

/** Resolves `Invoice` entities for the router: one query for all of a request's references; the billed brand's and admins' only. */
export async function resolveInvoiceReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.invoice.load(reference.id);
  if (!row) return null;
  assertCanReadInvoice(ctx.viewer, row);
  return toInvoice(row);
}
