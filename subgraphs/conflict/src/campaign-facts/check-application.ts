import { ParticipationChecked, writeEvent } from '@gametriggers/events';
import type { EventData, ParticipationApplied } from '@gametriggers/events';
import type { Db } from '../db';
import { evaluateCampaigns } from '../engine/evaluate-campaigns';
import type { Prisma } from '../generated/prisma/client';

/**
 * A streamer applied to a campaign: evaluates their participation as if booked (double-booking,
 * frequency caps, custom rules about streamers) in the consumer's transaction, and answers the
 * campaign subgraph with the decision and every violation explained. The campaign's facts arrived
 * first (events about one campaign are handled in order); without them the event is retried.
 */
export async function checkApplication(tx: Prisma.TransactionClient, data: EventData<typeof ParticipationApplied>): Promise<void> {
  const [evaluation] = await evaluateCampaigns(tx as unknown as Db, [{ campaignId: data.campaignId, streamerId: data.streamerId }]);
  if (!evaluation) throw new Error(`campaign ${data.campaignId}: no facts to check the application ${data.participationId} against`);
  await writeEvent(tx, ParticipationChecked, {
    subject: data.campaignId,
    correlationId: data.participationId,
    data: {
      participationId: data.participationId,
      campaignId: data.campaignId,
      streamerId: data.streamerId,
      decision: evaluation.decision,
      decidingRule: evaluation.decidedBy?.rule.name ?? null,
      violations: evaluation.violations.slice(0, 50).map((violation) => ({
        rule: violation.rule.name,
        severity: violation.severity,
        explanation: violation.explanation.slice(0, 1000),
        otherCampaignId: violation.otherCampaignIds[0] ?? null,
      })),
    },
  });
}
