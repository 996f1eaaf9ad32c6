import { BudgetReleaseRequested, BudgetReservationRequested, uuidv7, writeEvent } from '@gametriggers/events';
import { FundingRequiredError } from '@gametriggers/federation';
import type { Campaign, Prisma } from '../generated/prisma/client';
import type { CampaignStatus } from '../generated/prisma/enums';

/** Statuses that end a reservation: what the campaign will not spend goes back to the brand. */
const RELEASING: readonly CampaignStatus[] = ['COMPLETED', 'CANCELLED', 'REJECTED', 'DRAFT'];

/**
 * Keeps the campaign's budget reservation in step with its status, in the transaction that changed
 * the status (every status change writes CampaignChanged, which calls this first):
 *  - SUBMITTED without a reservation pending or held: a new reservation is requested from the wallet
 *    (campaign.budget.reservation-requested) and funding becomes PENDING;
 *  - COMPLETED, CANCELLED, REJECTED or back to DRAFT with a reservation pending or held: its release
 *    is requested with what the campaign has spent (campaign.budget.release-requested), and funding
 *    becomes RELEASED. Both events have the campaign as subject, so the wallet handles them in order.
 * Returns the campaign as it now is.
 */
export async function syncFunding(tx: Prisma.TransactionClient, campaign: Campaign): Promise<Campaign> {
  const open = campaign.fundingStatus === 'PENDING' || campaign.fundingStatus === 'RESERVED';
  if (campaign.status === 'SUBMITTED' && !open) {
    const reservationId = uuidv7();
    await writeEvent(tx, BudgetReservationRequested, {
      subject: campaign.id,
      data: {
        reservationId,
        campaignId: campaign.id,
        brandId: campaign.brandId,
        currency: campaign.currency,
        amountMinor: campaign.budgetMinor.toString(),
      },
    });
    return tx.campaign.update({
      where: { id: campaign.id },
      data: { fundingStatus: 'PENDING', fundingReservationId: reservationId, fundingError: null },
    });
  }
  if (RELEASING.includes(campaign.status) && open) {
    if (campaign.fundingReservationId) {
      await writeEvent(tx, BudgetReleaseRequested, {
        subject: campaign.id,
        data: {
          reservationId: campaign.fundingReservationId,
          campaignId: campaign.id,
          brandId: campaign.brandId,
          currency: campaign.currency,
          spentMinor: campaign.spentMinor.toString(),
          status: campaign.status as 'COMPLETED' | 'CANCELLED' | 'REJECTED' | 'DRAFT',
        },
      });
    }
    return tx.campaign.update({ where: { id: campaign.id }, data: { fundingStatus: 'RELEASED' } });
  }
  return campaign;
}

/** Approval needs the budget held: FUNDING_REQUIRED otherwise (the wallet has not answered, or refused). */
export function assertFunded(campaign: Pick<Campaign, 'fundingStatus' | 'fundingError'>): void {
  if (campaign.fundingStatus === 'RESERVED') return;
  const why =
    campaign.fundingStatus === 'PENDING'
      ? "its budget is still being reserved in the brand's wallet"
      : (campaign.fundingError ?? "its budget is not reserved in the brand's wallet");
  throw new FundingRequiredError(`The campaign cannot be approved yet: ${why}`, campaign.fundingStatus);
}
