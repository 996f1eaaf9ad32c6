import { requireOwnerAdminOrService } from '../access/access';
import type { Context } from '../context';
import { toWallet } from './to-wallet';

/** Resolves `Wallet` entities for the router: one query for all of a request's references. */
export async function resolveWalletReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.wallet.load(reference.id);
  if (!row) return null;
  requireOwnerAdminOrService(ctx, row);
  return toWallet(row);
}
