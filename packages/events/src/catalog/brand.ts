import { z } from 'zod';
import { defineEvent } from '../contract';

/** The brand of a registration exists: its account may become ACTIVE. */
export const BrandRegistered = defineEvent({
  type: 'brand.brand.registered',
  version: 1,
  source: 'brand',
  description: 'The Brand of a registration was created with the pre-assigned id.',
  schema: z.object({ accountId: z.uuid(), entityId: z.uuid() }),
});

/** The brand's profile was refused: no Brand exists, the account fails. */
export const BrandRegistrationRejected = defineEvent({
  type: 'brand.registration.rejected',
  version: 1,
  source: 'brand',
  description: 'The profile of a brand registration broke a rule of the brand subgraph; no Brand was created.',
  schema: z.object({
    accountId: z.uuid(),
    entityId: z.uuid(),
    reason: z.string().min(1),
    /** Path of the offending field inside the profile (`contact.email`); null when no one field is at fault. */
    field: z.string().nullable(),
  }),
});
