import { formatAmount } from '@gametriggers/federation';
import { BudgetReleased, writeEvent } from '@gametriggers/events';
import type { BudgetReleaseRequested, EventData } from '@gametriggers/events';
import { LedgerAccountKind, LedgerTransactionKind } from '../generated/prisma/enums';
import { brandOwner } from '../ledger/ledger-owner';
import { writeLedgerTransaction } from '../ledger/post-ledger-transaction';
import type { Tx } from '../ledger/post-ledger-transaction';
import { BUDGET_KEY_PREFIX } from './reserve-budget';

/**
 * campaign.budget.release-requested, in the consumer's inbox transaction: the campaign ended (or went
 * back to its brand), so what it will never spend goes back to the brand's available money
 * (HELD -> AVAILABLE). It keeps held what the campaign has charged but not yet paid out
 * (`spentMinor` less what was already credited): its earnings in review, paid as they are released.
 * A reservation that failed or was already released, or that never reached the wallet, is left alone.
 */
export async function releaseBudget(tx: Tx, request: EventData<typeof BudgetReleaseRequested>): Promise<void> {
  const [reservation] = await tx.$queryRaw<{ amountMinor: bigint; creditedMinor: bigint; releasedMinor: bigint; status: string }[]>`
    SELECT "amountMinor", "creditedMinor", "releasedMinor", "status"::text AS "status"
    FROM "BudgetReservation" WHERE "id" = ${request.reservationId}::uuid FOR UPDATE`;
  if (!reservation || reservation.status !== 'RESERVED') return;
  const remaining = reservation.amountMinor - reservation.creditedMinor - reservation.releasedMinor;
  const owed = BigInt(request.spentMinor) - reservation.creditedMinor;
  const keep = owed < 0n ? 0n : owed > remaining ? remaining : owed;
  const giveBack = remaining - keep;
  const brand = brandOwner(request.brandId.toLowerCase());
  const release =
    giveBack > 0n
      ? await writeLedgerTransaction(tx, {
          kind: LedgerTransactionKind.RELEASE,
          description: `Unspent budget of campaign ${request.campaignId} (${request.status.toLowerCase()})`,
          idempotencyKey: `${BUDGET_KEY_PREFIX}${request.reservationId}:release`,
          currency: request.currency,
          request: { brandId: brand.ownerId, amountMinor: giveBack, campaignId: request.campaignId },
          createdBy: 'SERVICE:campaign',
          legs: [
            { owner: brand, kind: LedgerAccountKind.HELD, amountMinor: -giveBack },
            { owner: brand, kind: LedgerAccountKind.AVAILABLE, amountMinor: giveBack },
          ],
        })
      : null;
  await tx.budgetReservation.update({
    where: { id: request.reservationId },
    data: { status: 'RELEASED', releasedMinor: { increment: giveBack }, releaseTransactionId: release?.id ?? null },
  });
  await writeEvent(tx, BudgetReleased, {
    subject: request.campaignId,
    data: {
      reservationId: request.reservationId,
      campaignId: request.campaignId,
      brandId: brand.ownerId!,
      transactionId: release?.id ?? null,
      amount: formatAmount(giveBack, request.currency),
      stillHeld: formatAmount(keep, request.currency),
      currency: request.currency,
    },
  });
}
