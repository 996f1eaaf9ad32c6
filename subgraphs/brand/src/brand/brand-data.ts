import { BadUserInputError, parseAmount } from '@gametriggers/federation';
import type { BillingDetailsInput, ContactPersonInput, MarketingPreferencesInput } from './brand.inputs';

/** Column values for a contact person. */
export function contactData(contact: ContactPersonInput) {
  return { contactName: contact.name, contactEmail: contact.email.toLowerCase(), contactPhone: contact.phone ?? null };
}

/** Column values for billing details. */
export function billingData(billing: BillingDetailsInput) {
  const { address } = billing;
  return {
    billingLine1: address.line1,
    billingLine2: address.line2 ?? null,
    billingCity: address.city,
    billingRegion: address.region ?? null,
    billingPostalCode: address.postalCode,
    billingCountry: address.country,
    taxId: billing.taxId ?? null,
  };
}

/** Column values for marketing preferences; the budget range is checked exactly, in minor units. */
export function preferencesData(preferences: MarketingPreferencesInput | null | undefined, field: string) {
  const range = preferences?.budgetRange;
  let budget = { budgetCurrency: null as string | null, budgetMinMinor: null as bigint | null, budgetMaxMinor: null as bigint | null };
  if (range) {
    if (range.min.currency !== range.max.currency) {
      throw new BadUserInputError(`${field}.budgetRange.max.currency`, 'min and max of a budget range must be in one currency');
    }
    const min = parseAmount(range.min.amount, range.min.currency, `${field}.budgetRange.min.amount`);
    const max = parseAmount(range.max.amount, range.max.currency, `${field}.budgetRange.max.amount`);
    if (min > max) throw new BadUserInputError(`${field}.budgetRange.max.amount`, 'max must not be below min');
    budget = { budgetCurrency: range.min.currency, budgetMinMinor: min, budgetMaxMinor: max };
  }
  return {
    targetCountries: preferences?.countries ?? [],
    targetLanguages: preferences?.languages ?? [],
    targetAgeRanges: preferences?.ageRanges ?? [],
    contentCategories: preferences?.contentCategories ?? [],
    ...budget,
  };
}
