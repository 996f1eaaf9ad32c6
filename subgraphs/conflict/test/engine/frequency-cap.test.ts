import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/engine/evaluate-rules';
import { busiestPeriod } from '../../src/engine/frequency-cap';
import { at, facts, rule } from './builders';

const booking = (campaignId: string, from: Date, to: Date, brandId = campaignId) =>
  facts({ campaignId, brandId, streamerIds: ['s1'], startsAt: from, endsAt: to });

describe('busiestPeriod', () => {
  const mine = booking('mine', at(1), at(3));

  it('counts campaigns running at the same instant with a period of 0; touching windows do not overlap', () => {
    const peak = busiestPeriod(mine, [booking('a', at(2), at(5)), booking('b', at(2, 12), at(4)), booking('c', at(3), at(6))], 0);
    expect(peak.campaigns.map((campaign) => campaign.campaignId)).toEqual(['mine', 'a', 'b']);
    expect(peak.at).toEqual(at(2, 12));
  });

  it('counts campaigns within one sliding period: two disjoint campaigns a few hours apart share a day', () => {
    const morning = booking('morning', at(5, 6), at(5, 9));
    const evening = booking('evening', at(5, 18), at(5, 21));
    const subject = booking('mine', at(5, 12), at(5, 13));
    expect(busiestPeriod(subject, [morning, evening], 0).campaigns).toHaveLength(1);
    expect(busiestPeriod(subject, [morning, evening], 1440).campaigns).toHaveLength(3);
    expect(busiestPeriod(subject, [morning, evening], 300).campaigns).toHaveLength(2); // 5 h: one of them at a time
  });
});

describe('FREQUENCY_CAP', () => {
  const cap = rule({ type: 'FREQUENCY_CAP', severity: 'WARN', maxCampaigns: 2, periodMinutes: 0 });
  const mine = facts({ campaignId: 'mine', brandId: 'a', streamerIds: ['s1', 's2'], startsAt: at(1), endsAt: at(10) });

  it("flags a streamer who would carry more than the cap, counting the brand's own campaigns, naming them all", () => {
    const others = [booking('own', at(2), at(4), 'a'), booking('x', at(3), at(5)), booking('y', at(8), at(9))];
    const [violation, ...rest] = evaluateRules({ subject: mine, others, rules: [cap], streamers: new Map() }).violations;
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({
      streamerIds: ['s1'],
      otherCampaignIds: ['own', 'x'],
      window: { startsAt: at(3), endsAt: at(3) },
      explanation:
        'Streamer s1 would carry 3 sponsored campaigns at once on 2027-06-03 00:00 UTC, more than the 2 allowed: this one and own, x.',
    });
  });

  it('allows exactly the cap, and ignores campaigns that do not compete', () => {
    const others = [booking('x', at(3), at(5)), booking('draft', at(3), at(5)), booking('done', at(3), at(5))];
    others[1]!.status = 'DRAFT';
    others[2]!.status = 'COMPLETED';
    expect(evaluateRules({ subject: mine, others, rules: [cap], streamers: new Map() }).violations).toEqual([]);
  });

  it('with a period, counts campaigns of the same day though they never overlap, and explains the period', () => {
    const daily = { ...cap, periodMinutes: 1440 };
    const subject = booking('mine', at(5, 12), at(5, 13), 'a');
    const others = [booking('morning', at(5, 6), at(5, 9)), booking('evening', at(5, 18), at(5, 21))];
    const [violation] = evaluateRules({ subject, others, rules: [daily], streamers: new Map() }).violations;
    expect(violation!.explanation).toBe(
      'Streamer s1 would carry 3 sponsored campaigns within 1 day from 2027-06-04 18:00 UTC, more than the 2 allowed: this one and morning, evening.',
    );
    expect(violation!.window).toEqual({ startsAt: at(4, 18), endsAt: at(5, 18) });
  });

  it("checks one streamer's participation as if booked", () => {
    const others = [booking('x', at(3), at(5)), booking('y', at(4), at(6))].map((campaign) => ({ ...campaign, streamerIds: ['s9'] }));
    expect(evaluateRules({ subject: mine, others, rules: [cap], streamers: new Map() }).violations).toEqual([]);
    expect(evaluateRules({ subject: mine, others, rules: [cap], streamers: new Map(), streamerId: 's9' }).decision).toBe('WARN');
  });
});
