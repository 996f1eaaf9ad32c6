import { BadUserInputError, parseAmount } from '@gametriggers/federation';
import type { MoneyInput } from '@gametriggers/federation';
import type { CampaignScheduleInput, CampaignTargetingInput } from './campaign.inputs';

/** An amount in minor units, and the input path it came from (null: already stored). */
export interface Amount {
  minor: bigint;
  currency: string;
  field: string | null;
}

/** Parses a MoneyInput exactly; `field` is its path, e.g. `input.budget`. */
export function parseMoney(money: MoneyInput, field: string): Amount {
  const minor = parseAmount(money.amount, money.currency, `${field}.amount`);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new BadUserInputError(`${field}.amount`, `${field}.amount is too large`);
  return { minor, currency: money.currency, field };
}

export function storedAmount(minor: bigint, currency: string): Amount {
  return { minor, currency, field: null };
}

export interface CampaignAmounts {
  budget: Amount;
  dailyCap: Amount | null;
  perStreamerCap: Amount | null;
  rate: Amount;
}

/**
 * Column values for a campaign's amounts, checked together: one currency for all (the budget's),
 * everything above zero, caps at most the budget. An error names the input field at fault: the
 * cap or rate when it was given, else the budget that no longer matches it.
 */
export function amountsData({ budget, dailyCap, perStreamerCap, rate }: CampaignAmounts) {
  const at = (amount: Amount, part: 'amount' | 'currency') => `${amount.field ?? budget.field ?? 'input.budget'}.${part}`;
  if (budget.minor <= 0n) throw new BadUserInputError(at(budget, 'amount'), 'budget must be above zero');
  for (const [name, amount] of [
    ['dailyCap', dailyCap],
    ['perStreamerCap', perStreamerCap],
    ['rate', rate],
  ] as const) {
    if (!amount) continue;
    if (amount.currency !== budget.currency) {
      throw new BadUserInputError(at(amount, 'currency'), `${name} must be in the budget currency ${budget.currency}`);
    }
    if (amount.minor <= 0n) throw new BadUserInputError(at(amount, 'amount'), `${name} must be above zero`);
    if (name !== 'rate' && amount.minor > budget.minor)
      throw new BadUserInputError(at(amount, 'amount'), `${name} must not exceed the budget`);
  }
  return {
    currency: budget.currency,
    budgetMinor: budget.minor,
    dailyCapMinor: dailyCap?.minor ?? null,
    perStreamerCapMinor: perStreamerCap?.minor ?? null,
    rateMinor: rate.minor,
  };
}

/** Column values for a schedule window; `endsAt` must come after `startsAt`. */
export function scheduleData(schedule: CampaignScheduleInput, field: string) {
  if (schedule.endsAt.getTime() <= schedule.startsAt.getTime()) {
    throw new BadUserInputError(`${field}.endsAt`, 'endsAt must be after startsAt');
  }
  return { startsAt: schedule.startsAt, endsAt: schedule.endsAt };
}

/** Column values for targeting (lists deduplicated); min viewers must not exceed max viewers. */
export function targetingData(targeting: CampaignTargetingInput | null | undefined, field: string) {
  const min = targeting?.minAverageViewers ?? null;
  const max = targeting?.maxAverageViewers ?? null;
  if (min !== null && max !== null && min > max) {
    throw new BadUserInputError(`${field}.maxAverageViewers`, 'maxAverageViewers must not be below minAverageViewers');
  }
  const unique = <T>(values: T[] | undefined) => [...new Set(values ?? [])];
  return {
    targetPlatforms: unique(targeting?.platforms),
    targetCategories: unique(targeting?.categories),
    targetCountries: unique(targeting?.countries),
    targetLanguages: unique(targeting?.languages),
    targetAgeRanges: unique(targeting?.audienceAgeRanges),
    minAverageViewers: min,
    maxAverageViewers: max,
  };
}
