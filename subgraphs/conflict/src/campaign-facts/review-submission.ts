import { CampaignReviewed, writeEvent } from '@gametriggers/events';
import type { CampaignChanged, EventData } from '@gametriggers/events';
import type { Db } from '../db';
import { evaluateCampaigns } from '../engine/evaluate-campaigns';
import type { Prisma } from '../generated/prisma/client';

/**
 * A campaign was just submitted: evaluates it against the rules and every competing campaign, in
 * the consumer's transaction (so with the facts this event brought), and answers the campaign
 * subgraph with the verdict: ALLOW (approved automatically), WARN (an admin reviews it) or BLOCK
 * (rejected), every violation with its explanation.
 */
export async function reviewSubmission(tx: Prisma.TransactionClient, data: EventData<typeof CampaignChanged>): Promise<void> {
  // The engine reads through whatever client it is given: here the transaction.
  const [evaluation] = await evaluateCampaigns(tx as unknown as Db, [{ campaignId: data.campaignId }]);
  if (!evaluation) throw new Error(`campaign ${data.campaignId}: no facts to review`);
  await writeEvent(tx, CampaignReviewed, {
    subject: data.campaignId,
    correlationId: data.campaignId,
    data: {
      campaignId: data.campaignId,
      revision: data.revision,
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
