import { z } from 'zod';
import { defineEvent } from '../contract';

/**
 * The conflict engine's verdict on a submitted campaign: ALLOW approves it automatically, WARN sends
 * it to the admins' review queue, BLOCK rejects it; every violation comes with its explanation.
 */
/** One rule a campaign or participation breaks, explained. */
const violation = z.object({
  rule: z.string(),
  severity: z.enum(['WARN', 'BLOCK']),
  explanation: z.string(),
  otherCampaignId: z.uuid().nullable(),
});

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
    violations: z.array(violation),
  }),
});

/**
 * The conflict engine's check of a streamer's application (campaign.participation.applied): BLOCK
 * rejects it, WARN leaves it to the brand with the warnings, ALLOW lets the brand (or the campaign's
 * auto-accept rule) accept it.
 */
export const ParticipationChecked = defineEvent({
  type: 'conflict.participation.checked',
  version: 1,
  source: 'conflict',
  description: "A streamer's application was checked against the conflict rules (double-booking, frequency caps, rules about streamers).",
  schema: z.object({
    participationId: z.uuid(),
    campaignId: z.uuid(),
    streamerId: z.uuid(),
    decision: z.enum(['ALLOW', 'WARN', 'BLOCK']),
    decidingRule: z.string().nullable(),
    violations: z.array(violation),
  }),
});
