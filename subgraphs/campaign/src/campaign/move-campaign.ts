import type { Prisma } from '../generated/prisma/client';
import type { CampaignStatus } from '../generated/prisma/enums';
import { scheduleCampaignJobs } from './campaign-jobs';
import { canTransitionCampaign } from './campaign-transitions';
import { writeCampaignChanged } from './write-campaign-changed';

/**
 * Moves a campaign, in the caller's transaction, along `path` (legal transitions only: an illegal
 * one is a bug and throws before anything is written), with `data`, one revision per step, and its
 * CampaignChanged event and jobs when it moved. Returns the status it ended in.
 */
export async function moveCampaign(
  tx: Prisma.TransactionClient,
  campaignId: string,
  from: CampaignStatus,
  path: CampaignStatus[],
  data: Prisma.CampaignUpdateInput,
) {
  let status = from;
  for (const to of path) {
    if (!canTransitionCampaign(status, to)) throw new Error(`the state machine does not allow ${status} -> ${to}`);
    status = to;
  }
  const updated = await tx.campaign.update({
    where: { id: campaignId },
    data: { ...data, status, ...(path.length ? { revision: { increment: path.length } } : {}) },
  });
  if (path.length) await scheduleCampaignJobs(tx, await writeCampaignChanged(tx, updated));
  return status;
}
