import type { Prisma } from '../generated/prisma/client';
import type { CampaignPricingModel, CampaignStatus, DeliveryKind, DeliveryStatus, ParticipationStatus } from '../generated/prisma/enums';

/**
 * The SQL of recording a batch of deliveries of one campaign: three statements in one transaction
 * (lock, read, write) whatever the batch's size, instead of a dozen Prisma queries per delivery,
 * because every statement is a round trip made while the campaign's row is locked (all deliveries
 * of the campaign wait for it) and costs this process CPU.
 *
 * Timestamps: the columns are TIMESTAMP(3) without time zone holding UTC. Instants are passed as
 * ISO strings with their `Z`, cast to timestamptz and converted with `AT TIME ZONE 'UTC'`, so
 * neither the session's `TimeZone` nor this process's `TZ` can shift them. They are read as they
 * are (timestamp without time zone), which Prisma's pg adapter reads as UTC; never as timestamptz,
 * which it would read in the session's zone with the offset dropped.
 */

/** The campaign row, locked: everything the deliveries' checks and prices need of it. */
export interface LockedCampaign {
  id: string;
  brandId: string;
  status: CampaignStatus;
  startsAt: Date;
  endsAt: Date;
  currency: string;
  budgetMinor: bigint;
  dailyCapMinor: bigint | null;
  perStreamerCapMinor: bigint | null;
  pricingModel: CampaignPricingModel;
  rateMinor: bigint;
  spentMinor: bigint;
  maxAverageViewers: number | null;
}

/**
 * Locks the campaign's row (FOR UPDATE: deliveries of one campaign are counted one batch at a time,
 * across processes too) and returns it; undefined when there is no such campaign. Its own
 * statement: the reads that follow must see what the previous lock holder committed, and in READ
 * COMMITTED only a statement that starts after the lock is granted does.
 */
export async function lockCampaign(tx: Prisma.TransactionClient, campaignId: string): Promise<LockedCampaign | undefined> {
  const [campaign] = await tx.$queryRaw<LockedCampaign[]>`
    SELECT "id"::text, "brandId"::text, "status"::text AS "status",
      "startsAt", "endsAt",
      "currency", "budgetMinor", "dailyCapMinor", "perStreamerCapMinor",
      "pricingModel"::text AS "pricingModel", "rateMinor", "spentMinor", "maxAverageViewers"
    FROM "Campaign" WHERE "id" = ${campaignId}::uuid
    FOR UPDATE`;
  return campaign;
}

/** A delivery recorded earlier with the same key (what a replay answers with). */
export interface EarlierDelivery {
  id: string;
  status: DeliveryStatus;
  costMinor: bigint;
  reason: string | null;
}

/** What one delivery of a batch depends on, as stored before the batch. */
export interface ItemState {
  /** Absent: no such participation in this campaign. */
  participation: {
    streamerId: string;
    status: ParticipationStatus;
    overlayGeneration: number;
    viewMinutes: bigint;
    earningsMinor: bigint;
    lastSampleAt: Date | null;
    /** The streamer's highest peak audience on any platform (streamer.profile.changed); null when unknown. */
    knownPeak: number | null;
  } | null;
  /** The delivery with the same (participation, kind, dedupKey), if any. */
  earlier: EarlierDelivery | null;
  /** What the campaign spent on the delivery's UTC day. */
  spentToday: bigint;
  /** Clicks of the participation in the minute before the delivery (counted for clicks only). */
  recentClicks: bigint;
}

interface StateRow {
  streamerId: string | null;
  status: ParticipationStatus | null;
  overlayGeneration: number | null;
  viewMinutes: bigint | null;
  earningsMinor: bigint | null;
  lastSampleAt: Date | null;
  knownPeak: number | null;
  earlierId: string | null;
  earlierStatus: DeliveryStatus | null;
  earlierCostMinor: bigint | null;
  earlierReason: string | null;
  spentToday: bigint;
  recentClicks: bigint;
}

/** One delivery to look up: its participation, key and instant. */
export interface ItemQuery {
  participationId: string;
  kind: DeliveryKind;
  dedupKey: string;
  now: Date;
}

/**
 * Reads, for every delivery of the batch (in order), its participation in this campaign, the
 * earlier delivery with the same key (deduplication), the campaign's spend of its UTC day and, for
 * a click, the participation's clicks in the minute before it: one statement.
 */
export async function readItemStates(tx: Prisma.TransactionClient, campaignId: string, items: ItemQuery[]): Promise<ItemState[]> {
  const rows = await tx.$queryRaw<StateRow[]>`
    SELECT participation."streamerId"::text, participation."status"::text AS "status", participation."overlayGeneration",
      participation."viewMinutes", participation."earningsMinor", participation."lastSampleAt",
      (SELECT max((platform->>'peakViewers')::int) FROM "StreamerProfile" AS profile, jsonb_array_elements(profile."platforms") AS platform
        WHERE profile."streamerId" = participation."streamerId") AS "knownPeak",
      earlier."id"::text AS "earlierId", earlier."status"::text AS "earlierStatus", earlier."costMinor" AS "earlierCostMinor",
      earlier."reason" AS "earlierReason",
      COALESCE((SELECT spend."spentMinor" FROM "CampaignDailySpend" AS spend
        WHERE spend."campaignId" = ${campaignId}::uuid AND spend."day" = (item."at" AT TIME ZONE 'UTC')::date), 0)::bigint AS "spentToday",
      CASE WHEN item."kind" = 'CLICK' THEN (SELECT count(*) FROM "Delivery" AS click
        WHERE click."participationId" = item."participationId" AND click."kind" = 'CLICK'
          AND click."occurredAt" > (item."at" AT TIME ZONE 'UTC') - interval '1 minute')
      ELSE 0 END::bigint AS "recentClicks"
    FROM unnest(${items.map((item) => item.participationId)}::uuid[], ${items.map((item) => item.kind)}::text[],
      ${items.map((item) => item.dedupKey)}::text[], ${items.map((item) => item.now.toISOString())}::timestamptz[])
      WITH ORDINALITY AS item("participationId", "kind", "dedupKey", "at", "position")
    LEFT JOIN "Participation" AS participation
      ON participation."id" = item."participationId" AND participation."campaignId" = ${campaignId}::uuid
    LEFT JOIN "Delivery" AS earlier ON earlier."participationId" = item."participationId"
      AND earlier."kind" = item."kind"::"DeliveryKind" AND earlier."dedupKey" = item."dedupKey"
    ORDER BY item."position"`;
  return rows.map(({ streamerId, status, overlayGeneration, viewMinutes, earningsMinor, lastSampleAt, knownPeak, ...row }) => ({
    participation:
      streamerId !== null && status !== null && overlayGeneration !== null && viewMinutes !== null && earningsMinor !== null
        ? { streamerId, status, overlayGeneration, viewMinutes, earningsMinor, lastSampleAt, knownPeak }
        : null,
    earlier:
      row.earlierId !== null && row.earlierStatus !== null && row.earlierCostMinor !== null
        ? { id: row.earlierId, status: row.earlierStatus, costMinor: row.earlierCostMinor, reason: row.earlierReason }
        : null,
    spentToday: row.spentToday,
    recentClicks: row.recentClicks,
  }));
}

/** A delivery decided and to be written. */
export interface DeliveredItem {
  report: { participationId: string; kind: DeliveryKind; dedupKey: string; quantity: bigint };
  now: Date;
  deliveryId: string;
  /** The id of its earning (used only when something is charged). */
  earningId: string;
  streamerId: string;
  status: DeliveryStatus;
  reason: string | null;
  /** Charged to the campaign and held for the streamer (0: no earning, no spend). */
  charge: bigint;
  /** View-minutes added to the participation's running total. */
  viewMinutes: bigint;
  /** `YYYY-MM-DD`, UTC: the day its charge counts against the daily cap. */
  day: string;
}

/** An outbox row as writeEvent built and checked it: (id, type, subject, envelope JSON). */
export interface OutboxRow {
  id: string;
  type: string;
  subject: string;
  envelope: string;
}

/** What a batch adds to each of its participations. */
interface ParticipationDelta {
  viewMinutes: bigint;
  earningsMinor: bigint;
  /** The last viewer sample's instant, ISO; null: no sample in the batch. */
  lastSampleAt: string | null;
}

/** Sums a batch's deliveries per participation and per UTC day (the rows its write updates). */
function deltas(items: DeliveredItem[]) {
  const participations = new Map<string, ParticipationDelta>();
  const days = new Map<string, bigint>();
  for (const item of items) {
    const delta = participations.get(item.report.participationId) ?? { viewMinutes: 0n, earningsMinor: 0n, lastSampleAt: null };
    delta.viewMinutes += item.viewMinutes;
    delta.earningsMinor += item.charge;
    if (item.report.kind === 'VIEWER_SAMPLE') delta.lastSampleAt = item.now.toISOString();
    participations.set(item.report.participationId, delta);
    if (item.charge > 0n) days.set(item.day, (days.get(item.day) ?? 0n) + item.charge);
  }
  return { participations, days };
}

/**
 * Writes a batch of deliveries in one statement (data-modifying CTEs over arrays): the deliveries,
 * the held earnings of those charged something, the participations' counters, the campaign's spend,
 * the spend of each day (when the campaign has a daily cap) and the outbox events, in order.
 * Increments, not absolute values: the same as what was read under the lock, and the CHECK
 * constraints (spent <= budget, non-negative amounts) still apply. Nothing is read back: the caller
 * knows every value it wrote.
 */
export async function writeDeliveries(
  tx: Prisma.TransactionClient,
  campaign: Pick<LockedCampaign, 'id' | 'brandId' | 'currency' | 'dailyCapMinor'>,
  items: DeliveredItem[],
  events: OutboxRow[],
  earningsReviewSeconds: number,
): Promise<void> {
  const { participations, days } = deltas(items);
  const charged = items.filter((item) => item.charge > 0n);
  const spent = charged.reduce((sum, item) => sum + item.charge, 0n);
  const lastAt = items.reduce((last, item) => (item.now > last ? item.now : last), items[0]!.now).toISOString();
  const dailyDays = campaign.dailyCapMinor === null ? [] : [...days.keys()];
  await tx.$executeRaw`
    WITH "item" AS (
      SELECT * FROM unnest(${items.map((item) => item.deliveryId)}::uuid[], ${items.map((item) => item.report.participationId)}::uuid[],
        ${items.map((item) => item.report.kind)}::text[], ${items.map((item) => item.report.dedupKey)}::text[],
        ${items.map((item) => item.report.quantity.toString())}::bigint[], ${items.map((item) => item.charge.toString())}::bigint[],
        ${items.map((item) => item.status)}::text[], ${items.map((item) => item.reason)}::text[],
        ${items.map((item) => item.now.toISOString())}::timestamptz[])
        AS item("id", "participationId", "kind", "dedupKey", "quantity", "costMinor", "status", "reason", "at")),
    "delivery" AS (
      INSERT INTO "Delivery" ("id", "participationId", "campaignId", "kind", "dedupKey", "quantity", "costMinor", "status", "reason", "occurredAt")
      SELECT "id", "participationId", ${campaign.id}::uuid, "kind"::"DeliveryKind", "dedupKey", "quantity", "costMinor",
        "status"::"DeliveryStatus", "reason", ("at" AT TIME ZONE 'UTC')::timestamp(3)
      FROM "item"
      RETURNING "id"),
    "earning" AS (
      INSERT INTO "Earning" ("id", "deliveryId", "participationId", "campaignId", "streamerId", "brandId", "currency", "amountMinor", "releaseAt")
      SELECT earning."id", "delivery"."id", earning."participationId", ${campaign.id}::uuid, earning."streamerId", ${campaign.brandId}::uuid,
        ${campaign.currency}, earning."amountMinor", (earning."releaseAt" AT TIME ZONE 'UTC')::timestamp(3)
      FROM unnest(${charged.map((item) => item.earningId)}::uuid[], ${charged.map((item) => item.deliveryId)}::uuid[],
        ${charged.map((item) => item.report.participationId)}::uuid[], ${charged.map((item) => item.streamerId)}::uuid[],
        ${charged.map((item) => item.charge.toString())}::bigint[],
        ${charged.map((item) => new Date(item.now.getTime() + earningsReviewSeconds * 1000).toISOString())}::timestamptz[])
        AS earning("id", "deliveryId", "participationId", "streamerId", "amountMinor", "releaseAt")
      JOIN "delivery" ON "delivery"."id" = earning."deliveryId"),
    "participation" AS (
      UPDATE "Participation" AS participation SET
        "viewMinutes" = participation."viewMinutes" + delta."viewMinutes",
        "earningsMinor" = participation."earningsMinor" + delta."earningsMinor",
        "lastSampleAt" = COALESCE((delta."lastSampleAt" AT TIME ZONE 'UTC')::timestamp(3), participation."lastSampleAt"),
        "updatedAt" = (${lastAt}::timestamptz AT TIME ZONE 'UTC')::timestamp(3)
      FROM unnest(${[...participations.keys()]}::uuid[], ${[...participations.values()].map((delta) => delta.viewMinutes.toString())}::bigint[],
        ${[...participations.values()].map((delta) => delta.earningsMinor.toString())}::bigint[],
        ${[...participations.values()].map((delta) => delta.lastSampleAt)}::timestamptz[])
        AS delta("id", "viewMinutes", "earningsMinor", "lastSampleAt")
      WHERE participation."id" = delta."id"),
    "campaign" AS (
      UPDATE "Campaign" SET "spentMinor" = "spentMinor" + ${spent.toString()}::bigint,
        "updatedAt" = (${lastAt}::timestamptz AT TIME ZONE 'UTC')::timestamp(3)
      WHERE "id" = ${campaign.id}::uuid AND ${spent.toString()}::bigint > 0),
    "daily" AS (
      INSERT INTO "CampaignDailySpend" ("campaignId", "day", "spentMinor")
      SELECT ${campaign.id}::uuid, spend."day", spend."spentMinor"
      FROM unnest(${dailyDays}::date[], ${dailyDays.map((day) => days.get(day)!.toString())}::bigint[]) AS spend("day", "spentMinor")
      ON CONFLICT ("campaignId", "day") DO UPDATE SET "spentMinor" = "CampaignDailySpend"."spentMinor" + EXCLUDED."spentMinor")
    INSERT INTO "OutboxEvent" ("id", "type", "subject", "envelope")
    SELECT event."id", event."type", event."subject", event."envelope"::jsonb
    FROM unnest(${events.map((event) => event.id)}::uuid[], ${events.map((event) => event.type)}::text[],
      ${events.map((event) => event.subject)}::text[], ${events.map((event) => event.envelope)}::text[])
      WITH ORDINALITY AS event("id", "type", "subject", "envelope", "position")
    ORDER BY event."position"`;
}
