import pg from 'pg';
import type { Logger } from 'pino';
import type { EventEnvelope } from './contract';
import { producerStats } from './metrics';
import type { OutboxLag } from './metrics';
import type { EventTransport } from './transport';

export interface OutboxRelayOptions {
  /** The producer's own database, which holds its "OutboxEvent" table. */
  connectionString: string;
  transport: EventTransport;
  logger: Logger;
  /** Events published per round trip. Default 200. */
  batchSize?: number;
  /** Poll interval when no notification arrives (and standby retry). Default 1000 ms. */
  pollIntervalMs?: number;
  /**
   * The producing subgraph, which labels the relay's metrics. Default: the logger's `subgraph`
   * binding, else the database name.
   */
  name?: string;
}

export interface OutboxRelay {
  /** Resolves once everything committed so far has been published (tests, shutdown). */
  drain: (timeoutMs?: number) => Promise<void>;
  /** Pending (unpublished) events: the outbox lag. */
  pending: () => Promise<number>;
  /** Pending events and the age of the oldest (what the metrics show). */
  lag: () => Promise<OutboxLag>;
  stop: () => Promise<void>;
}

const LISTEN_CHANNEL = 'outbox_event';
/** One relay per database publishes at a time, which keeps the order per subject. */
const LEADER_LOCK = 'SELECT pg_try_advisory_lock(hashtext(\'gametriggers.outbox-relay\')) AS "locked"';

/**
 * Publishes a producer's outbox in commit order. Woken by NOTIFY (sent at commit by the table's
 * trigger), with polling as a fallback. Several instances may run: one holds the leader lock and
 * publishes, the others wait; if the leader dies its session lock is released and another takes
 * over. An event is marked published only after the broker confirmed it, so a crash in between
 * publishes it again (consumers' inboxes make that harmless): at least once, never lost.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const batchSize = options.batchSize ?? 200;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2 });
  const name =
    options.name ??
    (options.logger.bindings() as { subgraph?: string }).subgraph ??
    (new URL(options.connectionString).pathname.slice(1) || 'outbox');
  const stats = producerStats(name);
  // An idle client whose server goes away (shutdown, failover) must not crash the process: the
  // next query reconnects, and a failing round is retried by the loop.
  pool.on('error', (error) => options.logger.warn({ err: error }, 'outbox relay pool connection lost'));
  let session: pg.Client | undefined;
  let running = true;
  let leader = false;
  let wake: (() => void) | undefined;
  // A commit notified while a batch was being published: the relay must not sleep after that batch.
  let notified = false;
  const idleWaiters: (() => void)[] = [];

  const sleep = (ms: number, idle = false) =>
    new Promise<void>((resolve) => {
      if (idle && notified) {
        notified = false;
        resolve();
        return;
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const connectSession = async () => {
    const client = new pg.Client({ connectionString: options.connectionString });
    client.on('error', (error) => {
      options.logger.warn({ err: error }, 'outbox relay session lost');
      leader = false;
      session = undefined;
    });
    client.on('notification', () => {
      notified = true;
      wake?.();
    });
    await client.connect();
    await client.query(`LISTEN ${LISTEN_CHANNEL}`);
    session = client;
  };

  // The mark of a published batch ("publishedAt") overlaps the reading and publishing of the next
  // one, off the critical path; its events are left out of the next reads until it is done. At most
  // one mark is in flight; if it fails, its events are simply published again (at least once).
  let marking: Promise<void> | undefined;
  const unmarked = new Set<string>();
  const settleMarking = async () => {
    const previous = marking;
    marking = undefined;
    await previous;
  };

  const publishBatch = async (): Promise<number> => {
    notified = false; // this read sees every commit notified so far
    const { rows } = await pool.query<{ id: string; envelope: EventEnvelope }>(
      `SELECT "id", "envelope" FROM "OutboxEvent" WHERE "publishedAt" IS NULL AND NOT ("id" = ANY($2::uuid[]))
       ORDER BY "sequence" LIMIT $1`,
      [batchSize, [...unmarked]],
    );
    if (!rows.length) {
      await settleMarking();
      return 0;
    }
    const ids = rows.map((row) => row.id);
    try {
      await options.transport.publish(rows.map((row) => row.envelope));
    } catch (error) {
      stats.publishFailures += 1;
      await settleMarking().catch(() => {}); // failed: its events are published again anyway
      await pool.query('UPDATE "OutboxEvent" SET "attempts" = "attempts" + 1, "lastError" = $2 WHERE "id" = ANY($1::uuid[])', [
        ids,
        (error as Error).message.slice(0, 1000),
      ]);
      throw error;
    }
    stats.published += rows.length;
    await settleMarking();
    for (const id of ids) unmarked.add(id);
    const mark = pool.query('UPDATE "OutboxEvent" SET "publishedAt" = now() WHERE "id" = ANY($1::uuid[])', [ids]).then(
      () => {
        for (const id of ids) unmarked.delete(id);
      },
      (error: unknown) => {
        for (const id of ids) unmarked.delete(id);
        throw error;
      },
    );
    mark.catch(() => {}); // awaited (and its failure reported) by the next settleMarking
    marking = mark;
    return rows.length;
  };

  const loop = async () => {
    let failures = 0;
    while (running) {
      try {
        if (!session) await connectSession();
        if (!leader) {
          const { rows } = await session!.query<{ locked: boolean }>(LEADER_LOCK);
          leader = rows[0]!.locked;
          if (!leader) {
            await sleep(pollIntervalMs);
            continue;
          }
          options.logger.info('outbox relay is the leader for its database');
        }
        const published = await publishBatch();
        failures = 0;
        if (published === batchSize) continue;
        for (const resolve of idleWaiters.splice(0)) resolve();
        await sleep(pollIntervalMs, true);
      } catch (error) {
        failures += 1;
        if (running) options.logger.warn({ err: error, failures }, 'outbox relay could not publish; retrying');
        await sleep(Math.min(100 * 2 ** failures, pollIntervalMs * 5));
      }
    }
  };
  const done = loop();

  const pending = async () => {
    const { rows } = await pool.query<{ count: string }>('SELECT count(*) AS "count" FROM "OutboxEvent" WHERE "publishedAt" IS NULL');
    return Number(rows[0]!.count);
  };

  // Read at scrape time only: both subqueries use the partial index of unpublished events. The age
  // is from the envelope's own time (an ISO instant), which no session time zone can shift.
  const lag = async (): Promise<OutboxLag> => {
    const { rows } = await pool.query<{ pending: string; oldest: string | null }>(
      `SELECT (SELECT count(*) FROM "OutboxEvent" WHERE "publishedAt" IS NULL) AS "pending",
              (SELECT "envelope"->>'time' FROM "OutboxEvent" WHERE "publishedAt" IS NULL ORDER BY "sequence" LIMIT 1) AS "oldest"`,
    );
    const oldest = rows[0]?.oldest ? Date.parse(rows[0].oldest) : undefined;
    return {
      pending: Number(rows[0]?.pending ?? 0),
      oldestAgeSeconds: oldest === undefined || Number.isNaN(oldest) ? 0 : Math.max(0, (Date.now() - oldest) / 1000),
    };
  };
  stats.lag = lag;

  return {
    pending,
    lag,
    drain: async (timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while ((await pending()) > 0) {
        if (Date.now() > deadline) throw new Error('outbox not drained in time');
        wake?.();
        await new Promise<void>((resolve) => {
          idleWaiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    stop: async () => {
      if (stats.lag === lag) stats.lag = undefined;
      running = false;
      wake?.();
      await done;
      await settleMarking().catch(() => {});
      await session?.end().catch(() => {});
      await pool.end();
    },
  };
}
