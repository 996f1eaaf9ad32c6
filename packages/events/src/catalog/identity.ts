import { z } from 'zod';
import { defineEvent } from '../contract';

/**
 * Someone signed up as a brand or a streamer: identity created their account PENDING and
 * pre-assigned the id of the Brand or Streamer to create. The subgraph of `kind` validates the
 * profile with its own rules and answers with `<kind>.<...>.registered` or `<kind>.registration.rejected`.
 */
export const RegistrationRequested = defineEvent({
  type: 'identity.registration.requested',
  version: 1,
  source: 'identity',
  description: 'A brand or streamer registration was requested: the account is PENDING until the entity is created or refused.',
  schema: z.object({
    accountId: z.uuid(),
    kind: z.enum(['BRAND', 'STREAMER']),
    /** The id the Brand or Streamer must get. */
    entityId: z.uuid(),
    email: z.string().min(3),
    /** The fields of CreateBrandInput or CreateStreamerInput, as the client sent them; their subgraph validates them. */
    profile: z.record(z.string(), z.unknown()),
  }),
});
