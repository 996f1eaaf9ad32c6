import { describe, expect, it } from 'vitest';
import type { CampaignFacts, ConflictRule } from '../generated/prisma/client';
import { findConflicts } from './find-conflicts';

const at = (day: number, hour = 0) => new Date(Date.UTC(2027, 5, day, hour));

function facts(overrides: Partial<CampaignFacts>): CampaignFacts {
  return {
    campaignId: 'c',
    brandId: 'b',
    categories: [],
    platforms: [],
    startsAt: at(1),
    endsAt: at(10),
    streamerIds: [],
    revision: 0,
    recordedAt: at(1),
    updatedAt: at(1),
    ...overrides,
  };
}

function rule(overrides: Partial<ConflictRule>): ConflictRule {
  return {
    id: 'r',
    name: 'rule',
    description: '',
    type: 'TIME_OVERLAP',
    severity: 'BLOCK',
    priority: 0,
    enabled: true,
    competingCategories: [],
    exclusiveBrandId: null,
    exclusivePlatform: null,
    minimumOverlapMinutes: null,
    createdAt: at(1),
    updatedAt: at(1),
    ...overrides,
  };
}

describe('findConflicts', () => {
  const mine = facts({ campaignId: 'mine', brandId: 'a', streamerIds: ['s1', 's2'], startsAt: at(1), endsAt: at(3) });

  it('counts an overlap of exactly the minimum, not one minute less', () => {
    const other = facts({ campaignId: 'other', streamerIds: ['s2'], startsAt: at(2, 22), endsAt: at(9) });
    expect(findConflicts(mine, [other], [rule({ minimumOverlapMinutes: 120 })])).toHaveLength(1);
    expect(findConflicts(mine, [other], [rule({ minimumOverlapMinutes: 121 })])).toHaveLength(0);
  });

  it('never reports a campaign against itself or its own brand, nor disabled rules', () => {
    const self = { ...mine };
    const sibling = facts({ campaignId: 'sibling', brandId: 'a', streamerIds: ['s1'] });
    const other = facts({ campaignId: 'other', streamerIds: ['s1'] });
    expect(findConflicts(mine, [self, sibling, other], [rule({})]).map((conflict) => conflict.conflictingCampaignId)).toEqual(['other']);
    expect(findConflicts(mine, [other], [rule({ enabled: false })])).toEqual([]);
  });

  it('names every shared streamer in the reason', () => {
    const other = facts({ campaignId: 'other', streamerIds: ['s2', 's1'], startsAt: at(1), endsAt: at(2) });
    expect(findConflicts(mine, [other], [rule({})])[0]!.reason).toBe(
      'Both campaigns book streamers s1, s2 from 2027-06-01 00:00 UTC to 2027-06-02 00:00 UTC (24 hours of overlap).',
    );
  });
});
