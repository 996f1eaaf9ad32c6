import { DeliveryRecorded, uuidv7, writeEvent } from '@gametriggers/events';
import { scheduleCampaignJobs } from '../campaign/campaign-jobs';
import { writeCampaignChanged } from '../campaign/write-campaign-changed';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { deliveryConfig } from './delivery-config';
import { lockCampaign, readItemStates, writeDeliveries } from './delivery-statements';
import type { DeliveredItem, LockedCampaign, OutboxRow } from './delivery-statements';
import { planBatch } from './plan-deliveries';
import type { Outcome, PendingDelivery } from './plan-deliveries';
import { DeliveryRefusedError } from './record-delivery-types';
import type { DeliveryReport, RecordedDelivery } from './record-delivery-types';

export { DeliveryRefusedError } from './record-delivery-types';
export type { DeliveryReport, RecordedDelivery, RecordedDeliveryRow } from './record-delivery-types';

/** Deliveries of one campaign recorded in one transaction at most (bounds the statements and the lock's hold). */
const MAX_BATCH = 64;
/** Participations whose campaign this process remembers (a participation never changes campaign). */
const MAX_REMEMBERED = 100_000;
/** The start of the statement writeEvent sends; its parameters are (id, type, subject, envelope). */
const OUTBOX_INSERT = 'INSERT INTO "OutboxEvent" ("id", "type", "subject", "envelope")';

interface Waiting extends PendingDelivery {
  resolve: (recorded: RecordedDelivery) => void;
  reject: (error: unknown) => void;
}

/**
 * One campaign's deliveries waiting in this process; `armed`: a transaction of the campaign is
 * started and has not yet taken its batch (it waits for the lock); `running`: its transactions.
 */
interface Lane {
  waiting: Waiting[];
  armed: boolean;
  running: number;
}

/** Per database client: the participations' campaigns, and a lane per campaign with deliveries under way. */
interface Ingest {
  campaigns: Map<string, string>;
  lanes: Map<string, Lane>;
}

const ingests = new WeakMap<Db, Ingest>();

/**
 * Records one delivery. Deliveries of a campaign are counted one at a time under its row lock, so
 * the budget, the daily cap and the per-streamer cap are never overspent however many arrive at
 * once (the database also refuses spent > budget). Each delivery is deduplicated, checked for
 * plausibility (flagged ones are recorded and cost nothing), priced, cut to what the limits
 * leave, charged to the campaign and held as the streamer's earning for the review period;
 * DeliveryRecorded goes to the outbox with it. When the budget is spent the campaign completes in
 * the same transaction.
 *
 * Group commit: since a campaign's deliveries wait for its lock anyway, a delivery that finds no
 * transaction of its campaign waiting for the lock starts one; that transaction takes every
 * delivery waiting at the moment it gets the lock, and records them together (a lock, a read and a
 * write statement for the whole batch, decided in arrival order exactly as one transaction each
 * would be: plan-deliveries.ts). So at most two transactions of a campaign run at once in this
 * process: one holding the lock, the next queued on it with its BEGIN and lock request already
 * sent. Resolves once the delivery's transaction has committed.
 */
export async function recordDelivery(db: Db, report: DeliveryReport, now = new Date()): Promise<RecordedDelivery> {
  const ingest = ingestOf(db);
  const campaignId = await campaignOf(db, ingest, report.participationId);
  if (!campaignId) throw new DeliveryRefusedError('UNKNOWN_LINK', 'No such overlay or link');
  return new Promise<RecordedDelivery>((resolve, reject) => {
    let lane = ingest.lanes.get(campaignId);
    if (!lane) {
      lane = { waiting: [], armed: false, running: 0 };
      ingest.lanes.set(campaignId, lane);
    }
    const at = now.getTime();
    lane.waiting.push({ report, now, deliveryId: uuidv7(at), earningId: uuidv7(at), resolve, reject });
    if (!lane.armed) arm(db, ingest, campaignId, lane);
  });
}

function ingestOf(db: Db): Ingest {
  let ingest = ingests.get(db);
  if (!ingest) {
    ingest = { campaigns: new Map(), lanes: new Map() };
    ingests.set(db, ingest);
  }
  return ingest;
}

/** The participation's campaign (remembered: it never changes); undefined when there is no such participation. */
async function campaignOf(db: Db, ingest: Ingest, participationId: string): Promise<string | undefined> {
  const known = ingest.campaigns.get(participationId);
  if (known) return known;
  const [row] = await db.$queryRaw<{ campaignId: string }[]>`
    SELECT "campaignId"::text FROM "Participation" WHERE "id" = ${participationId}::uuid`;
  if (!row) return undefined;
  if (ingest.campaigns.size >= MAX_REMEMBERED) ingest.campaigns.clear();
  ingest.campaigns.set(participationId, row.campaignId);
  return row.campaignId;
}

/**
 * Starts the campaign's next transaction. Once it has the lock it takes the deliveries waiting
 * then (up to MAX_BATCH; more arm another), and answers each. When the transaction fails nothing
 * of it was written: a batch of several is recorded again one delivery per transaction, so one
 * delivery's failure fails it alone; a failure before the batch was taken (no connection, no
 * lock) fails the deliveries that were waiting for it.
 */
function arm(db: Db, ingest: Ingest, campaignId: string, lane: Lane): void {
  lane.armed = true;
  lane.running += 1;
  let batch: Waiting[] | undefined;
  const take = () => {
    lane.armed = false;
    batch = lane.waiting.splice(0, MAX_BATCH);
    if (lane.waiting.length > 0) arm(db, ingest, campaignId, lane);
    return batch;
  };
  void recordBatch(db, campaignId, take)
    .then(
      (outcomes) => answer(batch ?? [], outcomes),
      async (error: unknown) => {
        if (!batch) {
          lane.armed = false;
          for (const waiting of lane.waiting.splice(0)) waiting.reject(error);
        } else if (batch.length === 1) batch[0]!.reject(error);
        else for (const one of batch) await recordAlone(db, campaignId, one);
      },
    )
    .finally(() => {
      lane.running -= 1;
      if (lane.running === 0 && lane.waiting.length === 0) ingest.lanes.delete(campaignId);
    });
}

/** Records one delivery in a transaction of its own (after its batch failed). */
async function recordAlone(db: Db, campaignId: string, waiting: Waiting): Promise<void> {
  try {
    answer([waiting], await recordBatch(db, campaignId, () => [waiting]));
  } catch (error) {
    waiting.reject(error);
  }
}

/** Resolves or rejects each delivery of a committed batch with its outcome. */
function answer(batch: Waiting[], outcomes: Outcome[]): void {
  outcomes.forEach((outcome, index) => {
    const waiting = batch[index]!;
    if ('recorded' in outcome) waiting.resolve(outcome.recorded);
    else waiting.reject(outcome.refused);
  });
}

/**
 * One transaction: lock the campaign, take the batch (`take`: what is waiting once the lock is
 * held), read what it depends on, decide, write, complete the campaign if its budget is spent.
 */
async function recordBatch(db: Db, campaignId: string, take: () => PendingDelivery[]): Promise<Outcome[]> {
  const config = deliveryConfig();
  return db.$transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    const batch = take();
    if (batch.length === 0) return [];
    if (!campaign) return batch.map(() => ({ refused: new DeliveryRefusedError('UNKNOWN_LINK', 'No such overlay or link') }));
    const states = await readItemStates(
      tx,
      campaignId,
      batch.map(({ report, now }) => ({ ...report, now })),
    );
    const plan = planBatch(campaign, batch, states, config);
    if (plan.recorded.length > 0) {
      const events = await Promise.all(plan.recorded.map((item) => deliveryRecordedRow(campaign, item)));
      await writeDeliveries(tx, campaign, plan.recorded, events, config.EARNINGS_REVIEW_SECONDS);
    }
    if (plan.completes) await completeSpentCampaign(tx, campaign.id);
    return plan.outcomes;
  });
}

/**
 * DeliveryRecorded's outbox row, built and checked against its contract by writeEvent itself, then
 * inserted by writeDeliveries' statement with the rest instead of in a round trip of its own.
 */
async function deliveryRecordedRow(campaign: LockedCampaign, item: DeliveredItem): Promise<OutboxRow> {
  let row: OutboxRow | undefined;
  const capture = {
    $executeRawUnsafe: (query: string, ...values: unknown[]) => {
      const [id, type, subject, envelope] = values;
      if (
        !query.startsWith(OUTBOX_INSERT) ||
        typeof id !== 'string' ||
        typeof type !== 'string' ||
        typeof subject !== 'string' ||
        typeof envelope !== 'string'
      ) {
        throw new Error(`writeEvent's outbox insert changed: ${query}`);
      }
      row = { id, type, subject, envelope };
      return Promise.resolve(1);
    },
  };
  await writeEvent(capture, DeliveryRecorded, {
    subject: campaign.id,
    data: {
      deliveryId: item.deliveryId,
      campaignId: campaign.id,
      participationId: item.report.participationId,
      streamerId: item.streamerId,
      brandId: campaign.brandId,
      kind: item.report.kind,
      quantity: Number(item.report.quantity),
      status: item.status,
      costMinor: item.charge.toString(),
      currency: campaign.currency,
      occurredAt: item.now.toISOString(),
    },
  });
  if (!row) throw new Error('writeEvent wrote no outbox row');
  return row;
}

/** The budget is spent: the system completes the campaign (with its event and jobs), in the delivery's transaction. */
async function completeSpentCampaign(tx: Prisma.TransactionClient, campaignId: string): Promise<void> {
  const { count } = await tx.campaign.updateMany({
    where: { id: campaignId, status: 'ACTIVE' },
    data: { status: 'COMPLETED', revision: { increment: 1 } },
  });
  if (count !== 1) return;
  const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: campaignId } });
  await writeCampaignChanged(tx, campaign);
  await scheduleCampaignJobs(tx, campaign);
}
