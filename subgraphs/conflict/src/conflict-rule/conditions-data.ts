import { BadUserInputError } from '@gametriggers/federation';
import { parseCondition } from '../engine/custom-condition';
import { Prisma } from '../generated/prisma/client';
import type { ConflictRuleType } from '../generated/prisma/enums';
import type { ConflictRuleConditionsInput } from './conflict-rule.inputs';

const KEYS = [
  'competingCategories',
  'exclusiveBrandId',
  'platform',
  'minimumOverlapMinutes',
  'maxCampaigns',
  'periodMinutes',
  'when',
] as const;

const FIELDS_OF: Record<ConflictRuleType, readonly (typeof KEYS)[number][]> = {
  TIME_OVERLAP: ['minimumOverlapMinutes'],
  CATEGORY_CONFLICT: ['competingCategories'],
  PLATFORM_EXCLUSIVITY: ['exclusiveBrandId', 'platform'],
  FREQUENCY_CAP: ['maxCampaigns', 'periodMinutes'],
  CUSTOM: ['when'],
};

const NONE = {
  competingCategories: [] as string[],
  exclusiveBrandId: null,
  exclusivePlatform: null,
  minimumOverlapMinutes: null,
  maxCampaigns: null,
  periodMinutes: null,
  condition: Prisma.DbNull as Prisma.InputJsonValue | typeof Prisma.DbNull,
};

/**
 * Column values for a rule's conditions, validated for its type: the fields the type needs must be
 * there, and fields of other types must not be (they would be silently ignored otherwise).
 * `field` is the path of the conditions input, e.g. `input.conditions`.
 */
export function conditionsData(type: ConflictRuleType, conditions: ConflictRuleConditionsInput | null | undefined, field: string) {
  for (const key of KEYS) {
    if (conditions?.[key] != null && !FIELDS_OF[type].includes(key)) {
      throw new BadUserInputError(`${field}.${key}`, `${key} is not a condition of ${type} rules`);
    }
  }
  switch (type) {
    case 'CATEGORY_CONFLICT': {
      if (!conditions) throw new BadUserInputError(field, 'CATEGORY_CONFLICT rules need competingCategories');
      const categories = [...new Set(conditions.competingCategories ?? [])];
      if (categories.length < 2) {
        throw new BadUserInputError(`${field}.competingCategories`, 'competingCategories needs at least two distinct categories');
      }
      return { ...NONE, competingCategories: categories };
    }
    case 'PLATFORM_EXCLUSIVITY': {
      if (!conditions) throw new BadUserInputError(field, 'PLATFORM_EXCLUSIVITY rules need exclusiveBrandId and platform');
      if (!conditions.exclusiveBrandId)
        throw new BadUserInputError(`${field}.exclusiveBrandId`, 'PLATFORM_EXCLUSIVITY rules need exclusiveBrandId');
      if (!conditions.platform) throw new BadUserInputError(`${field}.platform`, 'PLATFORM_EXCLUSIVITY rules need a platform');
      return { ...NONE, exclusiveBrandId: conditions.exclusiveBrandId.toLowerCase(), exclusivePlatform: conditions.platform };
    }
    case 'TIME_OVERLAP':
      return { ...NONE, minimumOverlapMinutes: conditions?.minimumOverlapMinutes ?? null };
    case 'FREQUENCY_CAP': {
      if (!conditions) throw new BadUserInputError(field, 'FREQUENCY_CAP rules need maxCampaigns');
      if (conditions.maxCampaigns == null) throw new BadUserInputError(`${field}.maxCampaigns`, 'FREQUENCY_CAP rules need maxCampaigns');
      return { ...NONE, maxCampaigns: conditions.maxCampaigns, periodMinutes: conditions.periodMinutes ?? 0 };
    }
    case 'CUSTOM': {
      if (!conditions) throw new BadUserInputError(field, 'CUSTOM rules need a condition (when)');
      if (conditions.when == null) throw new BadUserInputError(`${field}.when`, 'CUSTOM rules need a condition (when)');
      return { ...NONE, condition: parseCondition(conditions.when, `${field}.when`) as unknown as Prisma.InputJsonValue };
    }
  }
}
