import { isUuid } from '@gametriggers/federation';
import { requireOwnerAdminOrService } from '../access/access';
import type { Context } from '../context';
import { streamerOwner } from '../ledger/ledger-owner';
import { toWithdrawal } from './to-withdrawal';

/** Resolves `Withdrawal` entities for the router (its streamer, admins, services). */
export async function resolveWithdrawalReference(reference: { id: string }, ctx: Context) {
  const row = isUuid(reference.id) ? await ctx.db.withdrawal.findUnique({ where: { id: reference.id.toLowerCase() } }) : null;
  if (!row) return null;
  requireOwnerAdminOrService(ctx, streamerOwner(row.streamerId));
  return toWithdrawal(row);
}
