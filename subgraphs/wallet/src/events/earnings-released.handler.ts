import { formatAmount } from '@gametriggers/federation';
import type { EarningsReleased, EventData } from '@gametriggers/events';
import type { WalletConfig } from '../config';
import type { Tx } from '../ledger/post-ledger-transaction';
import { writeLedgerTransaction } from '../ledger/post-ledger-transaction';
import { earningsPosting } from '../transaction/pay-earnings';

/** The prefix of the ledger keys of released earnings (clients may not use it). */
export const RELEASE_KEY_PREFIX = 'campaign-release:';

/**
 * campaign.earnings.released: the campaign subgraph's reviewed earnings of one participation are due
 * to the streamer. Paid like creditEarnings (brand HELD -> streamer AVAILABLE less the configured
 * platform fee, EarningsCredited event) inside the inbox transaction, keyed by the release id, out of
 * the campaign's budget reservation (its credited amount grows by the gross). A campaign without a
 * reservation (created before reservations, like the demo seed's) is paid out of the brand's held
 * money at large. If the reservation or the held money does not cover it, the handler fails: the
 * event is retried, then dead-lettered with the reason, and can be replayed (npm run events:dead-letters).
 */
export async function applyEarningsReleased(tx: Tx, config: WalletConfig, data: EventData<typeof EarningsReleased>): Promise<void> {
  const key = `${RELEASE_KEY_PREFIX}${data.releaseId}`;
  if (await tx.ledgerTransaction.findUnique({ where: { idempotencyKey: key } })) return;
  const exponent = config.currencies[data.currency];
  if (exponent === undefined) throw new Error(`earnings release ${data.releaseId}: ${data.currency} is not a wallet currency`);
  const amountMinor = BigInt(data.amountMinor);
  await chargeReservation(tx, data.campaignId, amountMinor, data.releaseId);
  await writeLedgerTransaction(
    tx,
    earningsPosting(
      config,
      {
        brandId: data.brandId,
        streamerId: data.streamerId,
        campaignId: data.campaignId,
        amount: { amount: formatAmount(amountMinor, data.currency), currency: data.currency },
        feeBasisPoints: config.earningsFeeBasisPoints,
        idempotencyKey: key,
        description: `Earnings: campaign ${data.campaignId}, ${data.earningIds.length} deliveries`,
      },
      'SERVICE:campaign',
    ),
  );
}

/**
 * Counts a payout against the campaign's reservation (the latest that held money), under its row
 * lock; throws when it would pay out more than the reservation still holds.
 */
async function chargeReservation(tx: Tx, campaignId: string, amountMinor: bigint, releaseId: string): Promise<void> {
  const [reservation] = await tx.$queryRaw<{ id: string; remainingMinor: bigint }[]>`
    SELECT "id"::text, "amountMinor" - "creditedMinor" - "releasedMinor" AS "remainingMinor"
    FROM "BudgetReservation"
    WHERE "campaignId" = ${campaignId}::uuid AND "status" IN ('RESERVED', 'RELEASED')
    ORDER BY "createdAt" DESC, "id" DESC LIMIT 1 FOR UPDATE`;
  if (!reservation) return;
  if (reservation.remainingMinor < amountMinor) {
    throw new Error(
      `earnings release ${releaseId}: campaign ${campaignId}'s reservation ${reservation.id} holds ${reservation.remainingMinor} minor units, less than ${amountMinor}`,
    );
  }
  await tx.budgetReservation.update({ where: { id: reservation.id }, data: { creditedMinor: { increment: amountMinor } } });
}
