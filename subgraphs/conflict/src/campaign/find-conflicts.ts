import type { CampaignFacts, ConflictRule } from '../generated/prisma/client';

export interface FoundConflict {
  rule: ConflictRule;
  conflictingCampaignId: string;
  reason: string;
}

interface Window {
  from: Date;
  to: Date;
  minutes: number;
}

const SEVERITY_ORDER = { BLOCK: 0, WARN: 1 } as const;

/**
 * The conflicts of `campaign` with each of `others` under the enabled `rules`. Only campaigns of
 * other brands whose windows overlap can conflict; a brand's own campaigns never do. Sorted by rule
 * priority (lower first), then severity (BLOCK first), then rule name and campaign id, so the
 * order is stable.
 */
export function findConflicts(campaign: CampaignFacts, others: CampaignFacts[], rules: ConflictRule[]): FoundConflict[] {
  const found: FoundConflict[] = [];
  for (const other of others) {
    if (other.campaignId === campaign.campaignId || other.brandId === campaign.brandId) continue;
    const window = overlap(campaign, other);
    if (!window) continue;
    for (const rule of rules) {
      const reason = rule.enabled ? reasonFor(rule, campaign, other, window) : null;
      if (reason) found.push({ rule, conflictingCampaignId: other.campaignId, reason });
    }
  }
  return found.sort(
    (a, b) =>
      a.rule.priority - b.rule.priority ||
      SEVERITY_ORDER[a.rule.severity] - SEVERITY_ORDER[b.rule.severity] ||
      a.rule.name.localeCompare(b.rule.name) ||
      a.conflictingCampaignId.localeCompare(b.conflictingCampaignId),
  );
}

function overlap(a: CampaignFacts, b: CampaignFacts): Window | null {
  const from = new Date(Math.max(a.startsAt.getTime(), b.startsAt.getTime()));
  const to = new Date(Math.min(a.endsAt.getTime(), b.endsAt.getTime()));
  const ms = to.getTime() - from.getTime();
  return ms > 0 ? { from, to, minutes: ms / 60_000 } : null;
}

/** A sentence saying why `rule` puts the two campaigns in conflict, or null when it does not. */
function reasonFor(rule: ConflictRule, campaign: CampaignFacts, other: CampaignFacts, window: Window): string | null {
  const during = `from ${formatDate(window.from)} to ${formatDate(window.to)}`;
  switch (rule.type) {
    case 'TIME_OVERLAP': {
      const shared = campaign.streamerIds.filter((id) => other.streamerIds.includes(id));
      if (!shared.length || window.minutes < (rule.minimumOverlapMinutes ?? 0)) return null;
      const who = shared.length === 1 ? `streamer ${shared[0]}` : `streamers ${shared.join(', ')}`;
      return `Both campaigns book ${who} ${during} (${formatDuration(window.minutes)} of overlap).`;
    }
    case 'CATEGORY_CONFLICT': {
      const mine = campaign.categories.filter((category) => rule.competingCategories.includes(category));
      const theirs = other.categories.filter((category) => rule.competingCategories.includes(category));
      if (!mine.length || !theirs.length) return null;
      return `This campaign is in ${mine.join(', ')} and the other in ${theirs.join(', ')}, competing categories, ${during}.`;
    }
    case 'PLATFORM_EXCLUSIVITY': {
      const platform = rule.exclusivePlatform;
      if (!platform || !campaign.platforms.includes(platform) || !other.platforms.includes(platform)) return null;
      if (other.brandId === rule.exclusiveBrandId) {
        return `The other campaign's brand holds exclusivity on ${platform}, where both campaigns run ${during}.`;
      }
      if (campaign.brandId === rule.exclusiveBrandId) {
        return `This campaign's brand holds exclusivity on ${platform}, where the other campaign also runs ${during}.`;
      }
      return null;
    }
  }
}

function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function formatDuration(minutes: number): string {
  const whole = Math.floor(minutes);
  if (whole >= 2 * 1440) return `${Math.floor(whole / 1440)} days`;
  if (whole >= 120) return `${Math.floor(whole / 60)} hours`;
  return whole === 1 ? '1 minute' : `${whole} minutes`;
}
