import { ConflictError, NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import { isBooked, writeCampaignChanged } from '../campaign/write-campaign-changed';
import type { Participation, Prisma } from '../generated/prisma/client';
import type { CampaignStatus, ParticipationStatus } from '../generated/prisma/enums';
import { assertParticipationTransition } from './participation-transitions';

export interface StatusChange {
  to: ParticipationStatus;
  /** The argument an illegal change is blamed on. */
  field: string;
  /** Extra rule on the participation's campaign, checked before writing. */
  checkCampaign?: (status: CampaignStatus) => void;
  decided?: boolean;
  /** Extra rule on the participation itself (e.g. the conflict check must have answered), checked before writing. */
  checkParticipation?: (participation: Participation) => void;
  /** Other columns written with the status (the conflict check's answer). */
  data?: Prisma.ParticipationUpdateManyMutationInput;
}

/**
 * Moves a participation along a legal transition with a write conditional on the status that was
 * checked, so two concurrent decisions (accept and withdraw) never both win. The campaign row is
 * locked first, so its status cannot change between the check and the write; a change that books
 * or frees the streamer (accept, withdraw after acceptance) raises the campaign's revision and
 * writes CampaignChanged, all in one transaction.
 */
export async function changeParticipationStatus(db: Db, id: string, change: StatusChange) {
  return db.$transaction((tx) => changeParticipationStatusIn(tx, id, change));
}

/** changeParticipationStatus inside the caller's transaction (the consumer's, for the conflict check's answer). */
export async function changeParticipationStatusIn(tx: Prisma.TransactionClient, id: string, change: StatusChange) {
  const row = isUuid(id) ? await tx.participation.findUnique({ where: { id } }) : null;
  if (!row) throw new NotFoundError('Participation', id);
  assertParticipationTransition(row.status, change.to, change.field);
  const [campaign] = await tx.$queryRaw<{ status: CampaignStatus }[]>`
    SELECT status::text AS status FROM "Campaign" WHERE id = ${row.campaignId}::uuid FOR UPDATE`;
  change.checkCampaign?.(campaign!.status);
  change.checkParticipation?.(row);
  const { count } = await tx.participation.updateMany({
    where: { id, status: row.status },
    data: { ...change.data, status: change.to, ...(change.decided ? { decidedAt: new Date() } : {}) },
  });
  if (count !== 1) {
    const now = await tx.participation.findUnique({ where: { id }, select: { status: true } });
    if (now) assertParticipationTransition(now.status, change.to, change.field);
    throw new ConflictError('The participation changed at the same time; read it again and retry', change.field);
  }
  if (isBooked(row.status) !== isBooked(change.to)) {
    // Raw, so the campaign's updatedAt keeps meaning "the campaign itself was edited".
    await tx.$executeRaw`UPDATE "Campaign" SET "revision" = "revision" + 1 WHERE id = ${row.campaignId}::uuid`;
    await writeCampaignChanged(tx, await tx.campaign.findUniqueOrThrow({ where: { id: row.campaignId } }));
  }
  return tx.participation.findUniqueOrThrow({ where: { id } });
}
