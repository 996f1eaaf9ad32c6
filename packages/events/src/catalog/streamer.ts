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
