import { z } from 'zod';
import { defineEvent } from '../contract';

/**
 * The conflict engine's verdict on a submitted campaign: ALLOW approves it automatically, WARN sends
 * it to the admins' review queue, BLOCK rejects it; every violation comes with its explanation.
 */
export const CampaignReviewed = defineEvent({
  type: 'conflict.campaign.reviewed',
  version: 1,
  source: 'conflict',
  description: 'A submitted campaign was checked against the conflict rules: the decision, the rule that decided it, and every violation.',
  schema: z.object({
    campaignId: z.uuid(),
    /** The campaign revision that was checked: a verdict on an older revision is ignored. */
    revision: z.number().int().nonnegative(),
    decision: z.enum(['ALLOW', 'WARN', 'BLOCK']),
    /** The rule that decided (the most restrictive), none for ALLOW. */
    decidingRule: z.string().nullable(),
    violations: z.array(
      z.object({
        rule: z.string(),
        severity: z.enum(['WARN', 'BLOCK']),
        explanation: z.string(),
        otherCampaignId: z.uuid().nullable(),
      }),
    ),
  }),
});
