import type { Platform } from '@gametriggers/federation';
import type { ConflictRule as ConflictRuleRow } from '../generated/prisma/client';
import type { ConflictRule } from './conflict-rule.type';

/** The GraphQL shape of a stored rule: only the conditions of its type are set. */
export function toConflictRule(row: ConflictRuleRow): ConflictRule {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    type: row.type,
    severity: row.severity,
    priority: row.priority,
    enabled: row.enabled,
    includeSameAdvertiser: row.includeSameAdvertiser,
    conditions: {
      competingCategories: row.type === 'CATEGORY_CONFLICT' ? row.competingCategories : null,
      exclusiveBrand: row.type === 'PLATFORM_EXCLUSIVITY' && row.exclusiveBrandId ? { id: row.exclusiveBrandId } : null,
      platform: row.type === 'PLATFORM_EXCLUSIVITY' ? (row.exclusivePlatform as Platform | null) : null,
      minimumOverlapMinutes: row.type === 'TIME_OVERLAP' ? row.minimumOverlapMinutes : null,
      maxCampaigns: row.type === 'FREQUENCY_CAP' ? row.maxCampaigns : null,
      periodMinutes: row.type === 'FREQUENCY_CAP' ? row.periodMinutes : null,
      when: row.type === 'CUSTOM' ? (row.condition as Record<string, unknown>) : null,
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
