import pg from 'pg';
import type { Logger } from 'pino';
import type { EventEnvelope } from './contract';
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
}

export interface OutboxRelay {
  /** Resolves once everything committed so far has been published (tests, shutdown). */
  drain: (timeoutMs?: number) => Promise<void>;
  /** Pending (unpublished) events: the outbox lag. */
  pending: () => Promise<number>;
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
  // An idle client whose server goes away (shutdown, failover) must not crash the process: the
  // next query reconnects, and a failing round is retried by the loop.
  pool.on('error', (error) => options.logger.warn({ err: error }, 'outbox relay pool connection lost'));
  let session: pg.Client | undefined;
  let running = true;
  let leader = false;
  let wake: (() => void) | undefined;
  const idleWaiters: (() => void)[] = [];

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
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
    client.on('notification', () => wake?.());
    await client.connect();
    await client.query(`LISTEN ${LISTEN_CHANNEL}`);
    session = client;
  };

  const publishBatch = async (): Promise<number> => {
    const { rows } = await pool.query<{ id: string; envelope: EventEnvelope }>(
      'SELECT "id", "envelope" FROM "OutboxEvent" WHERE "publishedAt" IS NULL ORDER BY "sequence" LIMIT $1',
      [batchSize],
    );
    if (!rows.length) return 0;
    const ids = rows.map((row) => row.id);
    try {
      await options.transport.publish(rows.map((row) => row.envelope));
    } catch (error) {
      await pool.query('UPDATE "OutboxEvent" SET "attempts" = "attempts" + 1, "lastError" = $2 WHERE "id" = ANY($1::uuid[])', [
        ids,
        (error as Error).message.slice(0, 1000),
      ]);
      throw error;
    }
    await pool.query('UPDATE "OutboxEvent" SET "publishedAt" = now() WHERE "id" = ANY($1::uuid[])', [ids]);
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
        await sleep(pollIntervalMs);
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

  return {
    pending,
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
      running = false;
      wake?.();
      await done;
      await session?.end().catch(() => {});
      await pool.end();
    },
  };
}
