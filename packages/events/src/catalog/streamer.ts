import { z } from 'zod';
import { defineEvent } from '../contract';

/** The streamer of a registration exists: its account may become ACTIVE. */
export const StreamerRegistered = defineEvent({
  type: 'streamer.streamer.registered',
  version: 1,
  source: 'streamer',
  description: 'The Streamer of a registration was created with the pre-assigned id.',
  schema: z.object({ accountId: z.uuid(), entityId: z.uuid() }),
});

/** The streamer's profile was refused (invalid, or its display name taken): no Streamer exists, the account fails. */
export const StreamerRegistrationRejected = defineEvent({
  type: 'streamer.registration.rejected',
  version: 1,
  source: 'streamer',
  description: 'The profile of a streamer registration broke a rule of the streamer subgraph; no Streamer was created.',
  schema: z.object({
    accountId: z.uuid(),
    entityId: z.uuid(),
    reason: z.string().min(1),
    /** Path of the offending field inside the profile (`displayName`); null when no one field is at fault. */
    field: z.string().nullable(),
  }),
});

const platform = z.enum(['TWITCH', 'YOUTUBE', 'TIKTOK', 'KICK']);

/**
 * A streamer was created or their targeting facts changed: what other domains copy to match them
 * with campaigns (eligibility at application, plausibility of delivery, conflict rules about
 * streamers). Carries the whole current state; consumers keep the highest revision.
 */
export const StreamerProfileChanged = defineEvent({
  type: 'streamer.profile.changed',
  version: 1,
  source: 'streamer',
  description: "A streamer's country, languages, audience ages or platform profiles changed; carries their current values.",
  schema: z.object({
    streamerId: z.uuid(),
    /** ISO 3166-1 alpha-2. */
    country: z.string().length(2),
    languages: z.array(z.string()),
    audienceAgeRanges: z.array(z.string()),
    platforms: z.array(
      z.object({
        platform,
        averageViewers: z.number().int().nonnegative(),
        peakViewers: z.number().int().nonnegative(),
        categories: z.array(z.string()),
      }),
    ),
    /** Increases with every change: consumers ignore facts older than what they hold. */
    revision: z.number().int().positive(),
  }),
});
