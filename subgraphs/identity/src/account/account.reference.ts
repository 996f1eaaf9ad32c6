import type { Context } from '../context';
import { toAccount } from './to-account';

/** Resolves `Account` entities for the router: one query for every account in a request. */
export async function resolveAccountReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.account.load(reference.id);
  return row ? toAccount(row) : null;
}
