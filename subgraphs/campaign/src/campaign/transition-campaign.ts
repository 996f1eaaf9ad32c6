import { ConflictError, NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import type { Campaign } from '../generated/prisma/client';
import type { CampaignStatus } from '../generated/prisma/enums';
import { scheduleCampaignJobs } from './campaign-jobs';
import { assertFunded } from '../funding/campaign-funding';
import { assertCampaignTransition } from './campaign-transitions';
import { writeCampaignChanged } from './write-campaign-changed';

export interface TransitionOptions {
  /** Move only from one of these statuses; from any other (or if there is no such campaign) do nothing and return null. */
  onlyFrom: readonly CampaignStatus[];
}

/**
 * Moves a campaign to `to` if the state machine allows it from its current status. The update is
 * conditional on that status (`WHERE id AND status = from`), so of concurrent transitions from one
 * status exactly one wins; the others fail as illegal from the new status, or as a CONFLICT. The
 * winner writes CampaignChanged and (re)schedules the campaign's start/end jobs in the same
 * transaction. Approval needs the budget reserved in the brand's wallet (FUNDING_REQUIRED). With `onlyFrom` (the scheduled jobs), a campaign found in another status, before or
 * after losing such a race, is left alone: null instead of an error.
 */
export async function transitionCampaign(db: Db, id: string, to: CampaignStatus): Promise<Campaign>;
export async function transitionCampaign(db: Db, id: string, to: CampaignStatus, options: TransitionOptions): Promise<Campaign | null>;
export async function transitionCampaign(db: Db, id: string, to: CampaignStatus, options?: TransitionOptions): Promise<Campaign | null> {
  const expected = (status: CampaignStatus | undefined) => !options || (status !== undefined && options.onlyFrom.includes(status));
  return db.$transaction(async (tx) => {
    const row = isUuid(id)
      ? await tx.campaign.findUnique({ where: { id }, select: { status: true, fundingStatus: true, fundingError: true } })
      : null;
    if (!expected(row?.status)) return null;
    if (!row) throw new NotFoundError('Campaign', id);
    assertCampaignTransition(row.status, to);
    if (to === 'APPROVED') assertFunded(row);
    const { count } = await tx.campaign.updateMany({
      // Approval also needs the reservation still held when the row is written (a concurrent refusal rejects it).
      where: { id, status: row.status, ...(to === 'APPROVED' ? { fundingStatus: 'RESERVED' as const } : {}) },
      data: { status: to, revision: { increment: 1 } },
    });
    if (count !== 1) {
      const now = await tx.campaign.findUnique({ where: { id }, select: { status: true } });
      if (!expected(now?.status)) return null;
      if (now) assertCampaignTransition(now.status, to);
      throw new ConflictError(`The campaign changed status at the same time; read it again and retry`, 'to');
    }
    const campaign = await writeCampaignChanged(tx, await tx.campaign.findUniqueOrThrow({ where: { id } }));
    await scheduleCampaignJobs(tx, campaign);
    return campaign;
  });
}
