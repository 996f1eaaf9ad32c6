import { z } from 'zod';
import { defineEvent } from '../contract';

const platform = z.enum(['TWITCH', 'YOUTUBE', 'TIKTOK', 'KICK']);

/** The facts of a campaign that other domains keep a copy of (conflict rules, eligibility). */
export const CampaignChanged = defineEvent({
  type: 'campaign.campaign.changed',
  version: 1,
  source: 'campaign',
  description: 'A campaign was created or its status, schedule or targeting changed; carries its current facts.',
  schema: z.object({
    campaignId: z.uuid(),
    brandId: z.uuid(),
    status: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    categories: z.array(z.string()),
    platforms: z.array(platform),
    /** Streamers with an accepted participation. */
    streamerIds: z.array(z.uuid()),
    /** Increases with every change of the campaign: consumers ignore facts older than what they hold. */
    revision: z.number().int().nonnegative(),
  }),
});
