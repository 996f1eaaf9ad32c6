import { demoIds } from '@gametriggers/prisma-tools';
import type { Db } from './db';
import { Prisma } from './generated/prisma/client';
import { uuidv7 } from './uuid';

const HOUR_MS = 60 * 60 * 1000;
const DAYS = 3;

interface DemoSeries {
  campaignId: string;
  /** null: deliveries not attributed to a streamer. */
  streamerId: string | null;
  currency: string;
  /** Spend per 1,000 impressions, in minor units. */
  cpmMinor: number;
  /** Hours of the UTC day with deliveries. */
  hours: (hour: number) => boolean;
  scale: number;
}

const { brands, campaigns, streamers } = demoIds;

/** Which brand owns each demo campaign (the campaign subgraph's seed): who may read its metrics. */
const owners = [
  { campaignId: campaigns.voltageSummer, brandId: brands.voltage },
  { campaignId: campaigns.voltageNight, brandId: brands.voltage },
  { campaignId: campaigns.pixelforgeLaunch, brandId: brands.pixelforge },
  { campaignId: campaigns.nordwindRacing, brandId: brands.nordwind },
];
const always = () => true;

/** Who delivered which demo campaign: the running (ACTIVE) demo campaigns and their streamers. */
const series: DemoSeries[] = [
  { campaignId: campaigns.voltageSummer, streamerId: streamers.kiraplays, currency: 'USD', cpmMinor: 450, hours: always, scale: 3 },
  { campaignId: campaigns.voltageSummer, streamerId: streamers.gridlock, currency: 'USD', cpmMinor: 450, hours: always, scale: 2 },
  { campaignId: campaigns.nordwindRacing, streamerId: streamers.tactician, currency: 'GBP', cpmMinor: 610, hours: always, scale: 2 },
];

/** Counters of one series in one hour: a function of the hour itself, so a re-seed writes the same numbers. */
function countersAt(demo: DemoSeries, index: number, bucketStart: Date) {
  const epochHour = Math.floor(bucketStart.getTime() / HOUR_MS);
  const hour = bucketStart.getUTCHours();
  const noise = (epochHour * 7919 + index * 104_729) % 97;
  const evening = hour >= 17 && hour <= 23 ? 2 : 1; // audiences peak in the evening
  const impressions = (300 + noise * 11) * demo.scale * evening;
  const clicks = Math.floor((impressions * (15 + (noise % 20))) / 1000);
  return {
    impressions: BigInt(impressions),
    clicks: BigInt(clicks),
    viewMinutes: BigInt(impressions * 3 + noise),
    conversions: BigInt(Math.floor(clicks / 12)),
    spendMinor: BigInt(Math.round((impressions * demo.cpmMinor) / 1000)),
  };
}

/**
 * Hourly buckets over the last three days for the demo campaigns. Upserts that set (not add) the
 * counters, so running it again changes nothing.
 */
export async function seedDemo(db: Db): Promise<void> {
  await db.campaignOwner.createMany({ data: owners, skipDuplicates: true });
  const currentHour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  const rows: Prisma.Sql[] = [];
  for (const [index, demo] of series.entries()) {
    for (let back = DAYS * 24 - 1; back >= 0; back -= 1) {
      const bucketStart = new Date(currentHour - back * HOUR_MS);
      if (!demo.hours(bucketStart.getUTCHours())) continue;
      const c = countersAt(demo, index, bucketStart);
      rows.push(Prisma.sql`(${uuidv7()}::uuid, ${demo.campaignId}::uuid, ${demo.streamerId}::uuid, ${bucketStart}::timestamptz,
        ${c.impressions}, ${c.clicks}, ${c.viewMinutes}, ${c.conversions}, ${c.spendMinor}, ${demo.currency})`);
    }
  }
  await db.$executeRaw`
    INSERT INTO "MetricsBucket" ("id", "campaignId", "streamerId", "bucketStart",
                                 "impressions", "clicks", "viewMinutes", "conversions", "spendMinor", "currency")
    VALUES ${Prisma.join(rows)}
    ON CONFLICT ("campaignId", COALESCE("streamerId", '00000000-0000-0000-0000-000000000000'::uuid), "bucketStart")
    DO UPDATE SET "impressions" = EXCLUDED."impressions", "clicks" = EXCLUDED."clicks",
                  "viewMinutes" = EXCLUDED."viewMinutes", "conversions" = EXCLUDED."conversions",
                  "spendMinor" = EXCLUDED."spendMinor", "currency" = EXCLUDED."currency"`;
}
