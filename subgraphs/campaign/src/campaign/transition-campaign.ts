import { ConflictError, NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import type { CampaignStatus } from '../generated/prisma/enums';
import { assertCampaignTransition } from './campaign-transitions';
import { writeCampaignChanged } from './write-campaign-changed';

/**
 * Moves a campaign to `to` if the state machine allows it from its current status. The update is
 * conditional on that status (`WHERE id AND status = from`), so of concurrent transitions from one
 * status exactly one wins; the others fail as illegal from the new status, or as a CONFLICT. The
 * winner writes CampaignChanged in the same transaction.
 */
export async function transitionCampaign(db: Db, id: string, to: CampaignStatus) {
  return db.$transaction(async (tx) => {
    const row = isUuid(id) ? await tx.campaign.findUnique({ where: { id }, select: { status: true } }) : null;
    if (!row) throw new NotFoundError('Campaign', id);
    assertCampaignTransition(row.status, to);
    const { count } = await tx.campaign.updateMany({ where: { id, status: row.status }, data: { status: to, revision: { increment: 1 } } });
    if (count !== 1) {
      const now = await tx.campaign.findUnique({ where: { id }, select: { status: true } });
      if (now) assertCampaignTransition(now.status, to);
      throw new ConflictError(`The campaign changed status at the same time; read it again and retry`, 'to');
    }
    const campaign = await tx.campaign.findUniqueOrThrow({ where: { id } });
    await writeCampaignChanged(tx, campaign);
    return campaign;
  });
}
