import type { Facts, Rule } from '../../src/engine/engine-types';

/** 2027-06-<day> <hour>:00 UTC */
export const at = (day: number, hour = 0) => new Date(Date.UTC(2027, 5, day, hour));

/** Facts of an ACTIVE campaign of brand "b" running 1–10 June 2027 (effective categories = own unless given). */
export function facts(overrides: Partial<Facts> = {}): Facts {
  const categories = overrides.categories ?? [];
  return {
    campaignId: 'c',
    brandId: 'b',
    status: 'ACTIVE',
    categories,
    effectiveCategories: overrides.effectiveCategories ?? categories,
    platforms: [],
    countries: [],
    startsAt: at(1),
    endsAt: at(10),
    streamerIds: [],
    ...overrides,
  };
}

let ruleNumber = 0;
/** An enabled BLOCK TIME_OVERLAP rule of priority 10 unless overridden. */
export function rule(overrides: Partial<Rule> = {}): Rule {
  ruleNumber += 1;
  return {
    id: `r${ruleNumber}`,
    name: `rule ${String(ruleNumber).padStart(3, '0')}`,
    description: '',
    type: 'TIME_OVERLAP',
    severity: 'BLOCK',
    priority: 10,
    enabled: true,
    competingCategories: [],
    exclusiveBrandId: null,
    exclusivePlatform: null,
    minimumOverlapMinutes: null,
    includeSameAdvertiser: false,
    maxCampaigns: null,
    periodMinutes: null,
    condition: null,
    createdAt: at(1),
    updatedAt: at(1),
    ...overrides,
  };
}
