import { describe, expect, it } from 'vitest';
import type { EvaluationInput } from '../../src/engine/engine-types';
import { evaluateRules } from '../../src/engine/evaluate-rules';
import { at, facts, rule } from './builders';

const evaluate = (input: Partial<EvaluationInput> & Pick<EvaluationInput, 'subject'>) =>
  evaluateRules({ others: [], rules: [], streamers: new Map(), ...input });

const ids = (input: Parameters<typeof evaluate>[0]) => evaluate(input).violations.map((violation) => violation.otherCampaignIds.join('+'));

describe('TIME_OVERLAP', () => {
  const mine = facts({ campaignId: 'mine', brandId: 'a', streamerIds: ['s1', 's2'], startsAt: at(1), endsAt: at(3) });

  it('counts an overlap of exactly the minimum, not one minute less', () => {
    const other = facts({ campaignId: 'other', streamerIds: ['s2'], startsAt: at(2, 22), endsAt: at(9) });
    expect(ids({ subject: mine, others: [other], rules: [rule({ minimumOverlapMinutes: 120 })] })).toEqual(['other']);
    expect(ids({ subject: mine, others: [other], rules: [rule({ minimumOverlapMinutes: 121 })] })).toEqual([]);
  });

  it('never reports a campaign against itself, its own brand (unless the rule says so), nor under a disabled rule', () => {
    const sibling = facts({ campaignId: 'sibling', brandId: 'a', streamerIds: ['s1'] });
    const other = facts({ campaignId: 'other', streamerIds: ['s1'] });
    expect(ids({ subject: mine, others: [{ ...mine }, sibling, other], rules: [rule()] })).toEqual(['other']);
    expect(ids({ subject: mine, others: [sibling, other], rules: [rule({ includeSameAdvertiser: true })] }).sort()).toEqual([
      'other',
      'sibling',
    ]);
    expect(ids({ subject: mine, others: [other], rules: [rule({ enabled: false })] })).toEqual([]);
  });

  it('ignores campaigns that do not compete: drafts, in review, completed, cancelled, rejected', () => {
    const others = [
      'DRAFT',
      'SUBMITTED',
      'IN_REVIEW',
      'COMPLETED',
      'CANCELLED',
      'REJECTED',
      'APPROVED',
      'SCHEDULED',
      'ACTIVE',
      'PAUSED',
    ].map((status) => facts({ campaignId: status, status, streamerIds: ['s1'] }));
    expect(ids({ subject: mine, others, rules: [rule()] }).sort()).toEqual(['ACTIVE', 'APPROVED', 'PAUSED', 'SCHEDULED']);
    // The subject itself is evaluated whatever its status (a submitted campaign before approval).
    expect(ids({ subject: { ...mine, status: 'SUBMITTED' }, others, rules: [rule()] })).toHaveLength(4);
  });

  it('names every shared streamer, the window and the overlap in the explanation', () => {
    const other = facts({ campaignId: 'other', streamerIds: ['s2', 's1'], startsAt: at(1), endsAt: at(2) });
    const [violation] = evaluate({ subject: mine, others: [other], rules: [rule()] }).violations;
    expect(violation).toMatchObject({
      otherCampaignIds: ['other'],
      streamerIds: ['s1', 's2'],
      window: { startsAt: at(1), endsAt: at(2) },
      explanation: 'Both campaigns book streamers s1, s2 from 2027-06-01 00:00 UTC to 2027-06-02 00:00 UTC (1 day of overlap).',
    });
  });
});

describe('CATEGORY_CONFLICT', () => {
  const group = rule({ type: 'CATEGORY_CONFLICT', competingCategories: ['energy-drinks', 'soft-drinks'] });

  it('flags overlapping campaigns of other brands that are both in the competitive group', () => {
    const mine = facts({ campaignId: 'mine', brandId: 'a', categories: ['energy-drinks', 'fps'] });
    const others = [
      facts({ campaignId: 'rival', categories: ['soft-drinks'] }),
      facts({ campaignId: 'same-category', categories: ['energy-drinks'] }),
      facts({ campaignId: 'own-brand', brandId: 'a', categories: ['soft-drinks'] }),
      facts({ campaignId: 'later', categories: ['soft-drinks'], startsAt: at(10), endsAt: at(20) }),
      facts({ campaignId: 'unrelated', categories: ['fps'] }),
    ];
    expect(ids({ subject: mine, others, rules: [group] }).sort()).toEqual(['rival', 'same-category']);
    const [violation] = evaluate({ subject: mine, others: [others[0]!], rules: [group] }).violations;
    expect(violation).toMatchObject({
      categories: ['energy-drinks', 'soft-drinks'],
      explanation:
        'This campaign is in energy-drinks and the other in soft-drinks, competing categories, from 2027-06-01 00:00 UTC to 2027-06-10 00:00 UTC.',
    });
  });

  it('matches inherited categories (brand, parent categories) and says so', () => {
    // A sugar-free campaign of a brand in beverages: energy-drinks reached through the hierarchy.
    const mine = facts({
      campaignId: 'mine',
      brandId: 'a',
      categories: ['sugar-free'],
      effectiveCategories: ['beverages', 'energy-drinks', 'sugar-free'],
    });
    const rival = facts({ campaignId: 'rival', categories: ['cola'], effectiveCategories: ['cola', 'soft-drinks'] });
    const [violation] = evaluate({ subject: mine, others: [rival], rules: [group] }).violations;
    expect(violation!.categories).toEqual(['energy-drinks', 'soft-drinks']);
    expect(violation!.explanation).toMatch(/Categories are inherited from the brand and from parent categories\.$/);
    // A parent is not in its children: a campaign only in beverages is in neither group member.
    const generic = facts({ campaignId: 'generic', categories: ['beverages'] });
    expect(ids({ subject: mine, others: [generic], rules: [group] })).toEqual([]);
  });

  it('checks a brand against itself when the rule includes the same advertiser', () => {
    const mine = facts({ campaignId: 'mine', brandId: 'a', categories: ['energy-drinks'] });
    const own = facts({ campaignId: 'own', brandId: 'a', categories: ['soft-drinks'] });
    expect(ids({ subject: mine, others: [own], rules: [group] })).toEqual([]);
    expect(ids({ subject: mine, others: [own], rules: [{ ...group, includeSameAdvertiser: true }] })).toEqual(['own']);
  });
});

describe('PLATFORM_EXCLUSIVITY', () => {
  const exclusive = rule({ type: 'PLATFORM_EXCLUSIVITY', severity: 'WARN', exclusiveBrandId: 'nordwind', exclusivePlatform: 'KICK' });

  it('flags both sides while the exclusive brand runs on the platform, never two other brands', () => {
    const holder = facts({ campaignId: 'holder', brandId: 'nordwind', platforms: ['KICK', 'TWITCH'] });
    const intruder = facts({ campaignId: 'intruder', platforms: ['KICK'] });
    const bystander = facts({ campaignId: 'bystander', brandId: 'x', platforms: ['KICK'] });
    const elsewhere = facts({ campaignId: 'elsewhere', platforms: ['TWITCH'] });
    expect(evaluate({ subject: intruder, others: [holder, bystander, elsewhere], rules: [exclusive] }).violations).toEqual([
      expect.objectContaining({
        otherCampaignIds: ['holder'],
        platforms: ['KICK'],
        explanation: expect.stringMatching(/^The other campaign's brand holds exclusivity on KICK/),
      }),
    ]);
    expect(ids({ subject: holder, others: [intruder, bystander, elsewhere], rules: [exclusive] }).sort()).toEqual([
      'bystander',
      'intruder',
    ]);
  });
});

describe('the decision', () => {
  const mine = facts({ campaignId: 'mine', brandId: 'a', streamerIds: ['s1'], categories: ['cola'] });
  const other = facts({ campaignId: 'other', streamerIds: ['s1'], categories: ['tea'] });
  const group = { type: 'CATEGORY_CONFLICT' as const, competingCategories: ['cola', 'tea'] };

  it('is ALLOW without violations', () => {
    expect(evaluate({ subject: mine, others: [other] })).toEqual({ decision: 'ALLOW', decidedBy: null, violations: [] });
  });

  it('is the most restrictive: BLOCK over WARN whatever the priorities, then the lowest priority number', () => {
    const warnFirst = rule({ ...group, severity: 'WARN', priority: 1, name: 'warn first' });
    const blockLate = rule({ severity: 'BLOCK', priority: 50, name: 'block late' });
    const blockLater = rule({ ...group, severity: 'BLOCK', priority: 60, name: 'block later' });
    const result = evaluate({ subject: mine, others: [other], rules: [blockLater, warnFirst, blockLate] });
    expect(result.decision).toBe('BLOCK');
    expect(result.decidedBy!.rule.name).toBe('block late');
    expect(result.violations.map((violation) => violation.rule.name)).toEqual(['warn first', 'block late', 'block later']);
  });

  it('is WARN when only warnings apply, decided by the first warning by priority', () => {
    const result = evaluate({
      subject: mine,
      others: [other],
      rules: [rule({ ...group, severity: 'WARN', priority: 9, name: 'w9' }), rule({ severity: 'WARN', priority: 3, name: 'w3' })],
    });
    expect([result.decision, result.decidedBy!.rule.name]).toEqual(['WARN', 'w3']);
  });
});

describe("a streamer's participation", () => {
  const mine = facts({ campaignId: 'mine', brandId: 'a', categories: ['cola'], streamerIds: ['booked'] });
  const busy = facts({ campaignId: 'busy', categories: ['tea'], streamerIds: ['candidate'] });
  const rules = [rule({ name: 'overlap' }), rule({ type: 'CATEGORY_CONFLICT', competingCategories: ['cola', 'tea'], name: 'category' })];

  it('applies only the rules about a streamer, for that streamer as if booked', () => {
    const result = evaluate({ subject: mine, others: [busy], rules, streamerId: 'candidate' });
    expect(result.violations.map((violation) => [violation.rule.name, violation.streamerIds])).toEqual([['overlap', ['candidate']]]);
    expect(result.decision).toBe('BLOCK');
    // The campaign as a whole: the category conflict, and no double-booking (the candidate is not booked).
    expect(evaluate({ subject: mine, others: [busy], rules }).violations.map((violation) => violation.rule.name)).toEqual(['category']);
    expect(evaluate({ subject: mine, others: [busy], rules, streamerId: 'free' }).decision).toBe('ALLOW');
  });
});
