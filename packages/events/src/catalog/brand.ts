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

/**
 * A brand was created or the facts other domains copy changed: its industry (a product category
 * slug its campaigns inherit in the conflict rules, e.g. `beverages`) and content categories.
 */
export const BrandProfileChanged = defineEvent({
  type: 'brand.profile.changed',
  version: 1,
  source: 'brand',
  description: "A brand's industry or content categories changed; carries their current values.",
  schema: z.object({
    brandId: z.uuid(),
    industry: z.string(),
    contentCategories: z.array(z.string()),
    /** Increases with every change: consumers ignore facts older than what they hold. */
    revision: z.number().int().positive(),
  }),
});
