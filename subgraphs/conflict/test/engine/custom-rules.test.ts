import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/engine/custom-condition';
import { bindingsOf, describeCondition, parseCondition } from '../../src/engine/custom-condition';
import type { Streamer } from '../../src/engine/engine-types';
import { conditionHolds } from '../../src/engine/evaluate-condition';
import type { Bindings } from '../../src/engine/evaluate-condition';
import { evaluateRules } from '../../src/engine/evaluate-rules';
import { at, facts, rule } from './builders';

const BRAND = '0193a000-0000-7000-8000-00000000000b';
const campaign = facts({
  campaignId: 'c1',
  brandId: BRAND,
  categories: ['sugar-free'],
  effectiveCategories: ['beverages', 'energy-drinks', 'sugar-free'],
  platforms: ['TWITCH', 'KICK'],
  countries: ['DE', 'AT'],
  startsAt: at(1),
  endsAt: at(11),
});
const other = facts({
  campaignId: 'c2',
  brandId: 'other',
  effectiveCategories: ['cola', 'soft-drinks'],
  platforms: ['TWITCH'],
  countries: ['DE'],
});
const streamer: Streamer = { streamerId: 's1', country: 'DE', averageViewers: 120, categories: ['fps'], platforms: ['TWITCH'] };
const bindings: Bindings = { campaign, other, streamer: { streamerId: 's1', facts: streamer } };

const holds = (condition: unknown, given: Bindings = bindings) => conditionHolds(parseCondition(condition, 'when'), given);
const leaf = (field: string, op: string, value: unknown) => ({ field, op, value });

describe('custom conditions: operators', () => {
  it.each([
    [leaf('campaign.brandId', 'eq', BRAND), true],
    [leaf('campaign.brandId', 'neq', BRAND), false],
    [leaf('campaign.status', 'in', ['ACTIVE', 'PAUSED']), true],
    [leaf('campaign.status', 'not_in', ['ACTIVE']), false],
    [leaf('campaign.categories', 'contains_any', ['beverages', 'snacks']), true], // inherited from a parent
    [leaf('campaign.categories', 'contains_all', ['beverages', 'sugar-free']), true],
    [leaf('campaign.categories', 'contains_all', ['beverages', 'snacks']), false],
    [leaf('campaign.platforms', 'overlaps', ['YOUTUBE', 'KICK']), true],
    [leaf('campaign.countries', 'contains_any', ['FR']), false],
    [leaf('campaign.durationDays', 'gte', 10), true],
    [leaf('campaign.durationDays', 'gt', 10), false],
    [leaf('streamer.country', 'in', ['DE', 'AT']), true],
    [leaf('streamer.averageViewers', 'lt', 100), false],
    [leaf('streamer.averageViewers', 'lte', 120), true],
    [leaf('streamer.averageViewers', 'gt', 119), true],
    [leaf('streamer.id', 'eq', 's1'.padEnd(0)), true],
    [leaf('other.categories', 'contains_any', ['soft-drinks']), true],
  ])('%o holds: %s', (condition, expected) => {
    // streamer.id is compared with a uuid on input; bypass validation for the one made-up id.
    const parsed = condition.field === 'streamer.id' ? (condition as Condition) : parseCondition(condition, 'when');
    expect(conditionHolds(parsed, bindings)).toBe(expected);
  });

  it('compares two attributes with ref', () => {
    expect(holds({ field: 'other.brandId', op: 'neq', ref: 'campaign.brandId' })).toBe(true);
    expect(holds({ field: 'other.countries', op: 'overlaps', ref: 'campaign.countries' })).toBe(true);
    expect(holds({ field: 'streamer.country', op: 'in', ref: 'campaign.countries' })).toBe(true);
    expect(holds({ field: 'campaign.countries', op: 'contains_all', ref: 'other.countries' })).toBe(true);
    expect(holds({ field: 'other.countries', op: 'contains_all', ref: 'campaign.countries' })).toBe(false);
  });

  it('combines with all / any / not, nested', () => {
    const condition = {
      all: [
        leaf('campaign.categories', 'contains_any', ['energy-drinks']),
        { any: [leaf('streamer.country', 'eq', 'FR'), { not: leaf('streamer.averageViewers', 'gte', 1000) }] },
      ],
    };
    expect(holds(condition)).toBe(true);
    expect(holds({ ...condition, all: [...condition.all, { any: [leaf('campaign.platforms', 'contains_any', ['TIKTOK'])] }] })).toBe(false);
    expect(describeCondition(parseCondition(condition, 'when'))).toBe(
      'campaign.categories contains_any [energy-drinks] and (streamer.country eq FR or not streamer.averageViewers gte 1000)',
    );
  });

  it('treats what the engine does not know as not matching', () => {
    const unknown = { campaign, streamer: { streamerId: 's9', facts: undefined } };
    expect(holds(leaf('streamer.averageViewers', 'lt', 1_000_000), unknown)).toBe(false);
    expect(holds(leaf('streamer.country', 'not_in', ['DE']), unknown)).toBe(false);
    expect(holds({ not: leaf('streamer.country', 'eq', 'DE') }, unknown)).toBe(true);
  });
});

describe('custom conditions: validation with the path of the offending part', () => {
  it.each([
    ['not an object', 'x', 'when'],
    ['an unknown field', leaf('campaign.budget', 'eq', 1), 'when.field'],
    ['an unknown operator', leaf('campaign.status', 'like', 'A'), 'when.op'],
    ['an operator the field does not take', leaf('campaign.categories', 'gt', 1), 'when.op'],
    ['a value of the wrong kind', leaf('streamer.averageViewers', 'gt', 'many'), 'when.value'],
    ['a category that is no slug', leaf('campaign.categories', 'contains_any', ['Energy Drinks']), 'when.value.0'],
    ['an unknown platform', leaf('campaign.platforms', 'contains_any', ['MYSPACE']), 'when.value.0'],
    ['a country that is no code', leaf('streamer.country', 'in', ['DE', 'germany']), 'when.value.1'],
    ['an empty list', leaf('campaign.countries', 'contains_any', []), 'when.value'],
    ['a brand id that is no uuid', leaf('other.brandId', 'eq', 'voltage'), 'when.value'],
    ['both value and ref', { ...leaf('other.brandId', 'eq', BRAND), ref: 'campaign.brandId' }, 'when.value'],
    ['neither value nor ref', { field: 'other.brandId', op: 'eq' }, 'when.value'],
    ['a ref of another kind', { field: 'other.brandId', op: 'eq', ref: 'campaign.status' }, 'when.ref'],
    ['an unknown key', { ...leaf('campaign.status', 'eq', 'ACTIVE'), note: 'x' }, 'when.note'],
    ['an empty all', { all: [] }, 'when.all'],
    ['a group with more keys', { any: [leaf('campaign.status', 'eq', 'ACTIVE')], field: 'x' }, 'when'],
    [
      'a bad leaf deep inside',
      { all: [leaf('campaign.status', 'eq', 'ACTIVE'), { any: [{ not: leaf('streamer.country', 'eq', 'de') }] }] },
      'when.all.1.any.0.not.value',
    ],
  ])('refuses %s', (_label, condition, field) => {
    expect(() => parseCondition(condition, 'when')).toThrowError(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }),
    );
  });

  it('refuses trees nested too deep or too large', () => {
    let deep: unknown = leaf('campaign.status', 'eq', 'ACTIVE');
    for (let i = 0; i < 6; i += 1) deep = { not: deep };
    expect(() => parseCondition(deep, 'when')).toThrowError(/nest at most 6 deep/);
    const wide = { any: Array.from({ length: 100 }, () => leaf('campaign.status', 'eq', 'ACTIVE')) };
    expect(() => parseCondition(wide, 'when')).toThrowError(/at most 100 conditions/);
  });
});

describe('custom rules: what they range over', () => {
  const customRule = (condition: unknown, overrides = {}) =>
    rule({ type: 'CUSTOM', condition: parseCondition(condition, 'when') as never, ...overrides });
  const mine = facts({ campaignId: 'mine', brandId: 'a', effectiveCategories: ['alcohol'], streamerIds: ['s1', 's2'] });
  const streamers = new Map<string, Streamer>([
    ['s1', { streamerId: 's1', country: 'DE', averageViewers: 50, categories: [], platforms: [] }],
    ['s2', { streamerId: 's2', country: 'US', averageViewers: 5000, categories: [], platforms: [] }],
  ]);

  it('is read from the condition: the campaign alone, each booked streamer, each other campaign, or both', () => {
    expect(bindingsOf(parseCondition(leaf('campaign.status', 'eq', 'ACTIVE'), 'when'))).toEqual({ other: false, streamer: false });
    const alone = customRule(leaf('campaign.categories', 'contains_any', ['alcohol']));
    const perStreamer = customRule(leaf('streamer.averageViewers', 'lt', 100));
    const perOther = customRule({ field: 'other.categories', op: 'overlaps', ref: 'campaign.categories' });
    const both = customRule({ all: [leaf('streamer.country', 'eq', 'DE'), leaf('other.categories', 'contains_any', ['alcohol'])] });
    const rival = facts({ campaignId: 'rival', effectiveCategories: ['alcohol'], streamerIds: ['s1'] });
    const rivalOfS2 = facts({ campaignId: 'rival-2', effectiveCategories: ['alcohol'], streamerIds: ['s2'] });
    const result = evaluateRules({ subject: mine, others: [rival, rivalOfS2], rules: [alone, perStreamer, perOther, both], streamers });
    expect(result.violations.map((violation) => [violation.rule.id, violation.otherCampaignIds, violation.streamerIds])).toEqual([
      [alone.id, [], []],
      [perStreamer.id, [], ['s1']],
      [perOther.id, ['rival'], []],
      [perOther.id, ['rival-2'], []],
      [both.id, ['rival'], ['s1']],
    ]);
    expect(result.violations[1]!.explanation).toBe(`Custom rule "${perStreamer.name}": streamer.averageViewers lt 100.`);
    // A participation: only rules about a streamer, for that streamer.
    const participation = evaluateRules({
      subject: mine,
      others: [rival],
      rules: [alone, perStreamer, perOther, both],
      streamers,
      streamerId: 's2',
    });
    expect(participation.violations).toEqual([]);
  });

  it('keeps the same-advertiser exception unless the rule includes it', () => {
    const own = facts({ campaignId: 'own', brandId: 'a', effectiveCategories: ['alcohol'] });
    const perOther = customRule(leaf('other.categories', 'contains_any', ['alcohol']));
    expect(evaluateRules({ subject: mine, others: [own], rules: [perOther], streamers }).violations).toEqual([]);
    expect(
      evaluateRules({ subject: mine, others: [own], rules: [{ ...perOther, includeSameAdvertiser: true }], streamers }).violations,
    ).toHaveLength(1);
  });
});
