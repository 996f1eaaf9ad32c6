import { BadUserInputError } from '@gametriggers/federation';
import type { ConflictRuleType } from '../generated/prisma/enums';
import type { ConflictRuleConditionsInput } from './conflict-rule.inputs';

const FIELDS_OF: Record<ConflictRuleType, readonly (keyof ConflictRuleConditionsInput)[]> = {
  TIME_OVERLAP: ['minimumOverlapMinutes'],
  CATEGORY_CONFLICT: ['competingCategories'],
  PLATFORM_EXCLUSIVITY: ['exclusiveBrandId', 'platform'],
};

/**
 * Column values for a rule's conditions, validated for its type: the fields the type needs must be
 * there, and fields of other types must not be (they would be silently ignored otherwise).
 * `field` is the path of the conditions input, e.g. `input.conditions`.
 */
export function conditionsData(type: ConflictRuleType, conditions: ConflictRuleConditionsInput | null | undefined, field: string) {
  for (const key of ['competingCategories', 'exclusiveBrandId', 'platform', 'minimumOverlapMinutes'] as const) {
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
      return { competingCategories: categories, exclusiveBrandId: null, exclusivePlatform: null, minimumOverlapMinutes: null };
    }
    case 'PLATFORM_EXCLUSIVITY': {
      if (!conditions) throw new BadUserInputError(field, 'PLATFORM_EXCLUSIVITY rules need exclusiveBrandId and platform');
      if (!conditions.exclusiveBrandId)
        throw new BadUserInputError(`${field}.exclusiveBrandId`, 'PLATFORM_EXCLUSIVITY rules need exclusiveBrandId');
      if (!conditions.platform) throw new BadUserInputError(`${field}.platform`, 'PLATFORM_EXCLUSIVITY rules need a platform');
      return {
        competingCategories: [],
        exclusiveBrandId: conditions.exclusiveBrandId.toLowerCase(),
        exclusivePlatform: conditions.platform,
        minimumOverlapMinutes: null,
      };
    }
    case 'TIME_OVERLAP':
      return {
        competingCategories: [],
        exclusiveBrandId: null,
        exclusivePlatform: null,
        minimumOverlapMinutes: conditions?.minimumOverlapMinutes ?? null,
      };
  }
}
