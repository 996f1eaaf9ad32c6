import type { Context } from '../context';
import { assertCanSeeTransaction } from './can-see-transaction';
import { toLedgerTransaction } from './to-ledger-transaction';

/** Resolves `LedgerTransaction` entities for the router: one query for all of a request's references. */
export async function resolveLedgerTransactionReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.transaction.load(reference.id);
  if (!row) return null;
  await assertCanSeeTransaction(ctx, row.id);
  return toLedgerTransaction(row);
}
