import { ForbiddenError, Money } from '@gametriggers/federation';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireSignedIn } from '../access/access';
import type { Context } from '../context';
import type { BudgetReservation as BudgetReservationRow } from '../generated/prisma/client';
import { toLedgerTransaction } from '../transaction/to-ledger-transaction';
import { BudgetReservation, CampaignReference } from './budget-reservation.type';

@Resolver(() => CampaignReference)
export class CampaignBudgetResolver {
  @FieldResolver(() => [BudgetReservation], {
    nullable: true,
    description:
      "The campaign's budget reservations in its brand's wallet, newest first (one per submission): its brand and admins only; empty before the first submission.",
  })
  @Directive('@requires(fields: "brand { id }")')
  async budgetReservations(@Root() campaign: CampaignReference, @Ctx() ctx: Context): Promise<BudgetReservation[]> {
    const viewer = requireSignedIn(ctx);
    const brandId = campaign.brand?.id?.toLowerCase();
    const platform = viewer.kind === 'ADMIN' || viewer.kind === 'SERVICE';
    if (!platform && !(viewer.kind === 'BRAND' && brandId && viewer.entityId?.toLowerCase() === brandId)) throw new ForbiddenError();
    const rows = await ctx.loaders.budgetReservationsByCampaign.load(campaign.id.toLowerCase());
    // A brand sees only what its own wallet holds, even for a campaign id it was handed.
    return Promise.all(rows.filter((row) => platform || row.brandId === brandId).map((row) => toBudgetReservation(ctx, row)));
  }
}

async function toBudgetReservation(ctx: Context, row: BudgetReservationRow): Promise<BudgetReservation> {
  const money = (minor: bigint) => Money.of(minor, row.currency);
  const transaction = async (id: string | null) => {
    const found = id ? await ctx.loaders.transaction.load(id) : null;
    return found ? toLedgerTransaction(found) : null;
  };
  return {
    id: row.id,
    status: row.status,
    amount: money(row.amountMinor),
    paidOut: money(row.creditedMinor),
    released: money(row.releasedMinor),
    remaining: money(row.status === 'FAILED' ? 0n : row.amountMinor - row.creditedMinor - row.releasedMinor),
    failureReason: row.failureReason,
    holdTransaction: await transaction(row.holdTransactionId),
    releaseTransaction: await transaction(row.releaseTransactionId),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
