import { ForbiddenError } from '@gametriggers/federation';
import { isWalletOwner, requireSignedIn } from '../access/access';
import type { Context } from '../context';

/** Admins and services see every transaction; a brand or streamer those with an entry on its own accounts. */
export async function assertCanSeeTransaction(ctx: Context, transactionId: string): Promise<void> {
  const viewer = requireSignedIn(ctx);
  if (viewer.kind === 'ADMIN' || viewer.kind === 'SERVICE') return;
  const entries = await ctx.loaders.entriesByTransaction.load(transactionId);
  if (!entries.some((entry) => isWalletOwner(viewer, entry.account))) throw new ForbiddenError();
}
