import { isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { sumsToTotals } from './metrics-totals';
import type { MetricsTotals } from './metrics-totals';

export interface CampaignTotalsRow {
  /** The campaign id (named `id` for createByIdLoader). */
  id: string;
  totals: MetricsTotals;
  lastUpdatedAt: Date;
}

const SUMS = { impressions: true, clicks: true, viewMinutes: true, conversions: true, spendMinor: true } as const;

/** Totals of every given campaign that has recorded deliveries, in one grouped query. */
export async function loadCampaignTotals(db: Db, campaignIds: string[]): Promise<CampaignTotalsRow[]> {
  const ids = campaignIds.filter(isUuid); // anything else has no metrics (and would not cast to uuid)
  if (!ids.length) return [];
  const groups = await db.metricsBucket.groupBy({
    by: ['campaignId'],
    where: { campaignId: { in: ids } },
    _sum: SUMS,
    _max: { currency: true, updatedAt: true },
  });
  return groups.map((group) => ({
    id: group.campaignId,
    totals: sumsToTotals(group._sum, group._max.currency),
    lastUpdatedAt: group._max.updatedAt ?? new Date(0),
  }));
}

export interface StreamerTotalsRow {
  campaignId: string;
  streamerId: string;
  totals: MetricsTotals;
  lastUpdatedAt: Date;
}

/** Per-streamer totals of every given campaign, in one grouped query; most view-minutes first. */
export async function loadStreamerTotals(db: Db, campaignIds: string[]): Promise<StreamerTotalsRow[]> {
  const ids = campaignIds.filter(isUuid);
  if (!ids.length) return [];
  return groupStreamerTotals(db, { campaignId: { in: ids }, streamerId: { not: null } });
}

/** Every campaign's totals of each given streamer, in one grouped query; most view-minutes first. */
export async function loadTotalsOfStreamers(db: Db, streamerIds: string[]): Promise<StreamerTotalsRow[]> {
  const ids = streamerIds.filter(isUuid).map((id) => id.toLowerCase());
  if (!ids.length) return [];
  return groupStreamerTotals(db, { streamerId: { in: ids } });
}

async function groupStreamerTotals(db: Db, where: Prisma.MetricsBucketWhereInput): Promise<StreamerTotalsRow[]> {
  const groups = await db.metricsBucket.groupBy({
    by: ['campaignId', 'streamerId'],
    where,
    _sum: SUMS,
    _max: { currency: true, updatedAt: true },
  });
  return groups
    .map((group) => ({
      campaignId: group.campaignId,
      streamerId: group.streamerId!,
      totals: sumsToTotals(group._sum, group._max.currency),
      lastUpdatedAt: group._max.updatedAt ?? new Date(0),
    }))
    .sort(
      (a, b) =>
        Number(b.totals.viewMinutes - a.totals.viewMinutes) ||
        Number(b.totals.impressions - a.totals.impressions) ||
        a.streamerId.localeCompare(b.streamerId),
    );
}
