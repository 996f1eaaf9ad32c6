import { ConflictError, NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import type { CampaignStatus, ParticipationStatus } from '../generated/prisma/enums';
import { assertParticipationTransition } from './participation-transitions';

export interface StatusChange {
  to: ParticipationStatus;
  /** The argument an illegal change is blamed on. */
  field: string;
  /** Extra rule on the participation's campaign, checked before writing. */
  checkCampaign?: (status: CampaignStatus) => void;
  decided?: boolean;
}

/**
 * Moves a participation along a legal transition with a write conditional on the status that was
 * checked, so two concurrent decisions (accept and withdraw) never both win.
 */
export async function changeParticipationStatus(db: Db, id: string, change: StatusChange) {
  const row = isUuid(id) ? await db.participation.findUnique({ where: { id }, include: { campaign: { select: { status: true } } } }) : null;
  if (!row) throw new NotFoundError('Participation', id);
  assertParticipationTransition(row.status, change.to, change.field);
  change.checkCampaign?.(row.campaign.status);
  const { count } = await db.participation.updateMany({
    where: { id, status: row.status },
    data: { status: change.to, ...(change.decided ? { decidedAt: new Date() } : {}) },
  });
  if (count !== 1) {
    const now = await db.participation.findUnique({ where: { id }, select: { status: true } });
    if (now) assertParticipationTransition(now.status, change.to, change.field);
    throw new ConflictError('The participation changed at the same time; read it again and retry', change.field);
  }
  return db.participation.findUniqueOrThrow({ where: { id } });
}
