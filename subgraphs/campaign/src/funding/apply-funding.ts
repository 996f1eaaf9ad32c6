import type { BudgetReservationFailed, BudgetReserved, EventData } from '@gametriggers/events';
import { moveCampaign } from '../campaign/move-campaign';
import type { Prisma } from '../generated/prisma/client';
import type { CampaignStatus } from '../generated/prisma/enums';

interface Row {
  status: CampaignStatus;
  fundingStatus: string;
  fundingReservationId: string | null;
  reviewDecision: string | null;
}

/** The campaign, locked, if the wallet's answer is about its current, still pending reservation. */
async function pendingCampaign(tx: Prisma.TransactionClient, campaignId: string, reservationId: string): Promise<Row | null> {
  const [row] = await tx.$queryRaw<Row[]>`
    SELECT "status", "fundingStatus"::text AS "fundingStatus", "fundingReservationId"::text AS "fundingReservationId", "reviewDecision"
    FROM "Campaign" WHERE "id" = ${campaignId}::uuid FOR UPDATE`;
  return row && row.fundingStatus === 'PENDING' && row.fundingReservationId === reservationId ? row : null;
}

/**
 * wallet.budget.reserved: the budget is held. A campaign the conflict engine already allowed (waiting
 * IN_REVIEW with the ALLOW decision) is approved now; otherwise it waits for its review as before.
 * An answer about an older submission's reservation changes nothing. Returns the resulting status.
 */
export async function applyBudgetReserved(
  tx: Prisma.TransactionClient,
  data: EventData<typeof BudgetReserved>,
): Promise<CampaignStatus | null> {
  const row = await pendingCampaign(tx, data.campaignId, data.reservationId);
  if (!row) return null;
  const approve = row.status === 'IN_REVIEW' && row.reviewDecision === 'ALLOW';
  return moveCampaign(tx, data.campaignId, row.status, approve ? ['APPROVED'] : [], { fundingStatus: 'RESERVED' });
}

/**
 * wallet.budget.reservation-failed: nothing is held, so the submission cannot go on: the campaign is
 * REJECTED (through IN_REVIEW when still SUBMITTED) with the wallet's reason, which its brand reads
 * in `funding`; the brand adds money and resubmits (REJECTED -> DRAFT -> SUBMITTED, a new reservation).
 */
export async function applyBudgetReservationFailed(
  tx: Prisma.TransactionClient,
  data: EventData<typeof BudgetReservationFailed>,
): Promise<CampaignStatus | null> {
  const row = await pendingCampaign(tx, data.campaignId, data.reservationId);
  if (!row) return null;
  const path: CampaignStatus[] = row.status === 'SUBMITTED' ? ['IN_REVIEW', 'REJECTED'] : row.status === 'IN_REVIEW' ? ['REJECTED'] : [];
  return moveCampaign(tx, data.campaignId, row.status, path, { fundingStatus: 'FAILED', fundingError: data.message });
}
