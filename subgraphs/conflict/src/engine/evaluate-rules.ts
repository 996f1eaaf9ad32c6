import { COMPETING_STATUSES } from './competing';
import type { Condition } from './custom-condition';
import { bindingsOf, describeCondition } from './custom-condition';
import type { Evaluation, EvaluationInput, Facts, Rule, TimeWindow, Violation } from './engine-types';
import { conditionHolds } from './evaluate-condition';
import { formatDate, formatDuration, formatWindow, list } from './format';
import { ruledOutBySubject } from './prefilter';
import { busiestPeriod } from './frequency-cap';

const SEVERITY_ORDER = { BLOCK: 0, WARN: 1 } as const;

interface Overlap extends TimeWindow {
  minutes: number;
}

/** Whether two windows overlap, without allocating: the cheap test before anything else is built. */
const overlaps = (a: Facts, b: Facts) =>
  Math.max(a.startsAt.getTime(), b.startsAt.getTime()) < Math.min(a.endsAt.getTime(), b.endsAt.getTime());

function overlap(a: Facts, b: Facts): Overlap | null {
  const from = Math.max(a.startsAt.getTime(), b.startsAt.getTime());
  const to = Math.min(a.endsAt.getTime(), b.endsAt.getTime());
  return to > from ? { startsAt: new Date(from), endsAt: new Date(to), minutes: (to - from) / 60_000 } : null;
}

/** The same-advertiser exception: a brand's own campaigns never conflict unless the rule says so. */
const brandsMayConflict = (rule: Rule, a: Facts, b: Facts) => rule.includeSameAdvertiser || a.brandId !== b.brandId;

interface Context {
  subject: Facts;
  /** Campaigns that compete (status) and are not the subject. */
  competitors: Facts[];
  /** The streamers rules about a streamer look at: the one asked about, or all those booked. */
  streamerIds: string[];
  participation: boolean;
  input: EvaluationInput;
}

type Found = Omit<Violation, 'rule' | 'severity'>;

/** Shared by every violation without streamers, categories or platforms (never mutated): thousands of violations make no empty arrays. */
const NONE: string[] = [];

type Lists = Partial<Pick<Found, 'streamerIds' | 'categories' | 'platforms'>>;

const pair = (
  other: Facts,
  window: TimeWindow,
  explanation: string,
  { streamerIds = NONE, categories = NONE, platforms = NONE }: Lists = {},
): Found => ({
  otherCampaignIds: [other.campaignId],
  streamerIds,
  window: { startsAt: window.startsAt, endsAt: window.endsAt },
  categories,
  platforms,
  explanation,
});

function timeOverlap(rule: Rule, { subject, competitors, streamerIds }: Context): Found[] {
  const found: Found[] = [];
  if (!streamerIds.length) return found; // nothing to share (most campaigns): no pass over the candidates
  for (const other of competitors) {
    // Cheapest test first: thousands of candidates share no streamer (they came for other rules).
    if (!other.streamerIds.length || !brandsMayConflict(rule, subject, other)) continue;
    const shared = streamerIds.filter((id) => other.streamerIds.includes(id)).sort();
    if (!shared.length) continue;
    const window = overlap(subject, other);
    if (!window || window.minutes < (rule.minimumOverlapMinutes ?? 0)) continue;
    const who = shared.length === 1 ? `streamer ${shared[0]}` : `streamers ${list(shared)}`;
    const explanation = `Both campaigns book ${who} ${formatWindow(window.startsAt, window.endsAt)} (${formatDuration(window.minutes)} of overlap).`;
    found.push(pair(other, window, explanation, { streamerIds: shared }));
  }
  return found;
}

function categoryConflict(rule: Rule, { subject, competitors }: Context): Found[] {
  const mine = rule.competingCategories.filter((category) => subject.effectiveCategories.includes(category));
  if (!mine.length) return [];
  const found: Found[] = [];
  for (const other of competitors) {
    if (!brandsMayConflict(rule, subject, other)) continue;
    const theirs = rule.competingCategories.filter((category) => other.effectiveCategories.includes(category));
    const window = theirs.length ? overlap(subject, other) : null;
    if (!window) continue;
    const inherited = [...mine, ...theirs].some(
      (category) => !subject.categories.includes(category) && !other.categories.includes(category),
    );
    const explanation =
      `This campaign is in ${list(mine)} and the other in ${list(theirs)}, competing categories, ${formatWindow(window.startsAt, window.endsAt)}.` +
      (inherited ? ' Categories are inherited from the brand and from parent categories.' : '');
    found.push(pair(other, window, explanation, { categories: [...new Set([...mine, ...theirs])].sort() }));
  }
  return found;
}

function platformExclusivity(rule: Rule, { subject, competitors }: Context): Found[] {
  const platform = rule.exclusivePlatform;
  if (!platform || !subject.platforms.includes(platform)) return [];
  const found: Found[] = [];
  const subjectHolds = subject.brandId === rule.exclusiveBrandId;
  const platforms = [platform]; // shared by this rule's violations (never mutated)
  for (const other of competitors) {
    // The holder first: most candidates are neither the holder's nor against it.
    const holder = other.brandId === rule.exclusiveBrandId ? 'other' : subjectHolds ? 'this' : null;
    if (!holder || other.brandId === subject.brandId || !other.platforms.includes(platform)) continue;
    const window = overlap(subject, other);
    if (!window) continue;
    const during = formatWindow(window.startsAt, window.endsAt);
    const explanation =
      holder === 'other'
        ? `The other campaign's brand holds exclusivity on ${platform}, where both campaigns run ${during}.`
        : `This campaign's brand holds exclusivity on ${platform}, where the other campaign also runs ${during}.`;
    found.push(pair(other, window, explanation, { platforms }));
  }
  return found;
}

function frequencyCap(rule: Rule, { subject, competitors, streamerIds }: Context): Found[] {
  const max = rule.maxCampaigns ?? Infinity;
  const periodMinutes = rule.periodMinutes ?? 0;
  const reach = periodMinutes * 60_000;
  const found: Found[] = [];
  for (const streamerId of [...streamerIds].sort()) {
    // Every campaign of the streamer counts, the brand's own too: a cap is about the streamer's load.
    const booked = competitors.filter(
      (other) =>
        other.streamerIds.includes(streamerId) &&
        Math.max(subject.startsAt.getTime(), other.startsAt.getTime()) < Math.min(subject.endsAt.getTime(), other.endsAt.getTime()) + reach,
    );
    if (booked.length < max) continue;
    const peak = busiestPeriod(subject, booked, periodMinutes);
    if (peak.campaigns.length <= max) continue;
    const others = peak.campaigns.filter((facts) => facts !== subject).map((facts) => facts.campaignId);
    const endsAt = new Date(peak.at.getTime() + reach);
    const when = periodMinutes
      ? `within ${formatDuration(periodMinutes)} from ${formatDate(peak.at)}`
      : `at once on ${formatDate(peak.at)}`;
    found.push({
      otherCampaignIds: others,
      streamerIds: [streamerId],
      window: { startsAt: peak.at, endsAt: periodMinutes ? endsAt : peak.at },
      categories: NONE,
      platforms: NONE,
      explanation: `Streamer ${streamerId} would carry ${peak.campaigns.length} sponsored campaigns ${when}, more than the ${max} allowed: this one and ${list(others)}.`,
    });
  }
  return found;
}

function custom(rule: Rule, context: Context): Found[] {
  const condition = rule.condition as unknown as Condition;
  const bindings = bindingsOf(condition);
  const { subject, competitors, participation, input } = context;
  if ((participation && !bindings.streamer) || ruledOutBySubject(condition, subject)) return [];
  const streamers = bindings.streamer ? context.streamerIds : [undefined];
  let described: string | undefined;
  const matched = () => (described ??= `Custom rule "${rule.name}": ${describeCondition(condition)}.`);
  const found: Found[] = [];
  for (const streamerId of streamers) {
    const streamer = streamerId ? { streamerId, facts: input.streamers.get(streamerId) } : undefined;
    const streamerIds = streamerId ? [streamerId] : [];
    if (!bindings.other) {
      if (conditionHolds(condition, { campaign: subject, streamer })) {
        found.push({ otherCampaignIds: NONE, streamerIds, window: null, categories: NONE, platforms: NONE, explanation: matched() });
      }
      continue;
    }
    for (const other of competitors) {
      if (!brandsMayConflict(rule, subject, other) || (streamerId && !other.streamerIds.includes(streamerId))) continue;
      if (!overlaps(subject, other) || !conditionHolds(condition, { campaign: subject, other, streamer })) continue;
      const window = overlap(subject, other)!;
      found.push(pair(other, window, `${matched()} Both campaigns run ${formatWindow(window.startsAt, window.endsAt)}.`, { streamerIds }));
    }
  }
  return found;
}

const BY_TYPE: Record<Rule['type'], (rule: Rule, context: Context) => Found[]> = {
  TIME_OVERLAP: timeOverlap,
  CATEGORY_CONFLICT: categoryConflict,
  PLATFORM_EXCLUSIVITY: platformExclusivity,
  FREQUENCY_CAP: frequencyCap,
  CUSTOM: custom,
};

/** Rule types about a campaign as a whole, not about one streamer's participation. */
const CAMPAIGN_WIDE: ReadonlySet<Rule['type']> = new Set(['CATEGORY_CONFLICT', 'PLATFORM_EXCLUSIVITY']);

/** Ids (lowercase uuids) in code-point order: the same as localeCompare's for them, and much cheaper. */
const compareIds = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);

export function compareViolations(a: Violation, b: Violation): number {
  return (
    a.rule.priority - b.rule.priority ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.rule === b.rule ? 0 : a.rule.name.localeCompare(b.rule.name)) ||
    compareIds(a.otherCampaignIds[0], b.otherCampaignIds[0]) ||
    compareIds(a.streamerIds[0], b.streamerIds[0])
  );
}

/**
 * Every violation of the enabled rules by the subject, and the decision: BLOCK when any BLOCK
 * rule is broken, else WARN when any WARN rule is, else ALLOW; the violation that decides is the
 * first of that severity by rule priority (the most restrictive wins). Pure: it reads only its
 * input, so the indexed lookup and a naive scan of every campaign must give the same answer.
 */
export function evaluateRules(input: EvaluationInput): Evaluation {
  const { subject, streamerId } = input;
  const participation = streamerId !== undefined;
  const context: Context = {
    subject:
      participation && !subject.streamerIds.includes(streamerId)
        ? { ...subject, streamerIds: [...subject.streamerIds, streamerId] }
        : subject,
    competitors: input.others.filter((other) => other.campaignId !== subject.campaignId && COMPETING_STATUSES.has(other.status)),
    streamerIds: participation ? [streamerId] : [...new Set(subject.streamerIds)],
    participation,
    input,
  };
  const violations: Violation[] = [];
  for (const rule of input.rules) {
    if (!rule.enabled || (participation && CAMPAIGN_WIDE.has(rule.type))) continue;
    for (const found of BY_TYPE[rule.type](rule, context)) {
      violations.push({
        rule,
        severity: rule.severity,
        otherCampaignIds: found.otherCampaignIds,
        streamerIds: found.streamerIds,
        window: found.window,
        categories: found.categories,
        platforms: found.platforms,
        explanation: found.explanation,
      });
    }
  }
  violations.sort(compareViolations);
  const decidedBy = violations.find((violation) => violation.severity === 'BLOCK') ?? violations[0] ?? null;
  return { decision: decidedBy ? decidedBy.severity : 'ALLOW', decidedBy, violations };
}
