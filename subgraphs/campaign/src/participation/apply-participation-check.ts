import type { EventData, ParticipationChecked } from '@gametriggers/events';
import { OPEN_FOR_APPLICATIONS } from '../campaign/campaign-transitions';
import type { Prisma } from '../generated/prisma/client';
import type { CampaignStatus, ParticipationStatus } from '../generated/prisma/enums';
import { changeParticipationStatusIn } from './change-participation-status';

/**
 * The conflict engine's check of an application, in the consumer's inbox transaction. It is recorded
 * on the participation (what the brand sees when it decides); BLOCK rejects the application; ALLOW
 * accepts it at once when the campaign's auto-accept rule is on (and it still takes streamers);
 * WARN leaves it to the brand. An answer for a participation no longer APPLIED (withdrawn, decided)
 * or already checked changes nothing. Returns the participation's resulting status, or null.
 */
export async function applyParticipationCheck(
  tx: Prisma.TransactionClient,
  check: EventData<typeof ParticipationChecked>,
): Promise<ParticipationStatus | null> {
  const [row] = await tx.$queryRaw<
    { status: ParticipationStatus; checkedAt: Date | null; autoAccept: boolean; campaignStatus: CampaignStatus }[]
  >`
    SELECT p."status"::text AS "status", p."checkedAt", c."autoAcceptApplications" AS "autoAccept", c."status"::text AS "campaignStatus"
    FROM "Participation" p JOIN "Campaign" c ON c."id" = p."campaignId"
    WHERE p."id" = ${check.participationId}::uuid`;
  if (!row || row.status !== 'APPLIED' || row.checkedAt) return null;
  const data = {
    checkDecision: check.decision,
    checkNotes: check.violations.map((violation) => `${violation.severity} ${violation.rule}: ${violation.explanation}`),
    checkedAt: new Date(),
  };
  const to: ParticipationStatus | null =
    check.decision === 'BLOCK'
      ? 'REJECTED'
      : check.decision === 'ALLOW' && row.autoAccept && OPEN_FOR_APPLICATIONS.includes(row.campaignStatus)
        ? 'ACCEPTED'
        : null;
  if (!to) {
    // Conditional, not locked first: the campaign row's lock comes before the participation's everywhere.
    const { count } = await tx.participation.updateMany({ where: { id: check.participationId, status: 'APPLIED', checkedAt: null }, data });
    return count === 1 ? 'APPLIED' : null;
  }
  const changed = await changeParticipationStatusIn(tx, check.participationId, { to, field: 'check', decided: true, data });
  return changed.status;
}
