import pg from 'pg';
import type { Logger } from 'pino';
import type { EventEnvelope } from './contract';
import { consumerStats } from './metrics';
import { PermanentEventError, defaultRetryDelay } from './transport';
import type { ConsumerOptions, DeadLetter, EventTransport, RunningConsumer } from './transport';

const CHANNEL = 'gametriggers_bus';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bus_binding (
  consumer text NOT NULL, source text NOT NULL, type text NOT NULL,
  PRIMARY KEY (consumer, source, type)
);
CREATE TABLE IF NOT EXISTS bus_message (
  id bigserial PRIMARY KEY,
  consumer text NOT NULL,
  event_id uuid NOT NULL,
  type text NOT NULL,
  envelope jsonb NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  available_at timestamptz NOT NULL DEFAULT now(),
  dead_at timestamptz,
  dead_reason text,
  UNIQUE (consumer, event_id)
);
CREATE INDEX IF NOT EXISTS bus_message_ready ON bus_message (consumer, available_at, id) WHERE dead_at IS NULL;
`;

/**
 * The embedded event bus: RabbitMQ's semantics on a PostgreSQL database of its own (no broker to
 * install). Bindings fan an event out to one row per consuming subgraph (a queue); consumers take
 * rows with SKIP LOCKED, delete them when handled, push failures back with a delay, and move them
 * to the dead letters after maxAttempts. A republished event (relay crash) is ignored per queue.
 */
export class PostgresEventTransport implements EventTransport {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly consumers = new Set<{ stop: () => Promise<void> }>();
  private schemaReady: Promise<void> | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly logger: Logger,
  ) {
    this.pool = new pg.Pool({ connectionString, max: 4 });
    // An idle client whose server goes away must not crash the process; the next query reconnects.
    this.pool.on('error', (error) => this.logger.warn({ err: error }, 'event bus pool connection lost'));
  }

  private ensureSchema(): Promise<void> {
    this.schemaReady ??= (async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query("SELECT pg_advisory_xact_lock(hashtext('gametriggers.bus.schema'))");
        await client.query(SCHEMA);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        this.schemaReady = undefined;
        throw error;
      } finally {
        client.release();
      }
    })();
    return this.schemaReady;
  }

  async ready(): Promise<void> {
    await this.ensureSchema();
    await this.pool.query('SELECT 1');
  }

  async publish(envelopes: EventEnvelope[]): Promise<void> {
    if (!envelopes.length) return;
    await this.ensureSchema();
    await this.pool.query(
      `WITH events AS (
         SELECT e->>'id' AS id, e->>'type' AS type, e->>'source' AS source, e AS envelope, ordinality
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, ordinality)
       ), inserted AS (
         INSERT INTO bus_message (consumer, event_id, type, envelope)
         SELECT b.consumer, events.id::uuid, events.type, events.envelope
         FROM events JOIN bus_binding b ON b.type = events.type AND b.source = regexp_replace(events.source, '^/subgraphs/', '')
         ORDER BY events.ordinality
         ON CONFLICT (consumer, event_id) DO NOTHING
         RETURNING 1
       )
       SELECT pg_notify('${CHANNEL}', '') FROM (SELECT count(*) FROM inserted) AS n`,
      [JSON.stringify(envelopes)],
    );
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    await this.ensureSchema();
    for (const contract of options.contracts) {
      await this.pool.query('INSERT INTO bus_binding (consumer, source, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        options.consumer,
        contract.source,
        contract.type,
      ]);
    }
    const maxAttempts = options.maxAttempts ?? 5;
    const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
    const stats = consumerStats(options.consumer);
    // Queue depth for the metrics, read at scrape time (one indexed count per consumer).
    const depth = async () => {
      const { rows } = await this.pool.query<{ main: string; retry: string; dead: string }>(
        `SELECT count(*) FILTER (WHERE dead_at IS NULL AND available_at <= now()) AS main,
                count(*) FILTER (WHERE dead_at IS NULL AND available_at > now()) AS retry,
                count(*) FILTER (WHERE dead_at IS NOT NULL) AS dead
         FROM bus_message WHERE consumer = $1`,
        [options.consumer],
      );
      return { main: Number(rows[0]!.main), retry: Number(rows[0]!.retry), dead: Number(rows[0]!.dead) };
    };
    stats.depth = depth;
    const listener = new pg.Client({ connectionString: this.connectionString });
    let running = true;
    let wake: (() => void) | undefined;
    listener.on('notification', () => wake?.());
    listener.on('error', (error) => this.logger.warn({ err: error }, 'event bus listener lost'));
    await listener.connect();
    await listener.query(`LISTEN ${CHANNEL}`);

    /** Takes, handles and settles one message; false when the queue has nothing ready. */
    const takeOne = async (): Promise<boolean> => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ id: string; envelope: EventEnvelope; attempts: number }>(
          `SELECT id, envelope, attempts FROM bus_message
           WHERE consumer = $1 AND dead_at IS NULL AND available_at <= now()
           ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [options.consumer],
        );
        const message = rows[0];
        if (!message) {
          await client.query('COMMIT');
          return false;
        }
        const attempt = message.attempts + 1;
        let outcome: 'handled' | 'retried' | 'deadLettered' = 'handled';
        try {
          await options.handle(message.envelope);
          await client.query('DELETE FROM bus_message WHERE id = $1', [message.id]);
        } catch (error) {
          const reason = (error as Error).message.slice(0, 1000);
          if (error instanceof PermanentEventError || attempt >= maxAttempts) {
            this.logger.warn({ eventId: message.envelope.id, consumer: options.consumer, reason }, 'event dead-lettered');
            await client.query('UPDATE bus_message SET attempts = $2, dead_at = now(), dead_reason = $3 WHERE id = $1', [
              message.id,
              attempt,
              reason,
            ]);
            outcome = 'deadLettered';
          } else {
            await client.query(
              `UPDATE bus_message SET attempts = $2, available_at = now() + ($3 || ' milliseconds')::interval WHERE id = $1`,
              [message.id, attempt, String(retryDelay(attempt))],
            );
            outcome = 'retried';
          }
        }
        await client.query('COMMIT');
        stats[outcome] += 1;
        return true;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    };

    const loop = (async () => {
      while (running) {
        try {
          if (await takeOne()) continue;
        } catch (error) {
          if (running) this.logger.warn({ err: error, consumer: options.consumer }, 'event bus consumer error');
        }
        // Nothing ready: sleep until a publish notifies, or a delayed retry may have come due.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, 250);
          function done() {
            clearTimeout(timer);
            wake = undefined;
            resolve();
          }
          wake = done;
        });
      }
    })();

    const handle = {
      stop: async () => {
        if (stats.depth === depth) stats.depth = undefined;
        running = false;
        wake?.();
        await loop;
        await listener.end().catch(() => {});
        this.consumers.delete(handle);
      },
    };
    this.consumers.add(handle);
    return handle;
  }

  async deadLetters(consumer: string): Promise<DeadLetter[]> {
    await this.ensureSchema();
    const { rows } = await this.pool.query<{ envelope: EventEnvelope; attempts: number; dead_reason: string }>(
      'SELECT envelope, attempts, dead_reason FROM bus_message WHERE consumer = $1 AND dead_at IS NOT NULL ORDER BY id',
      [consumer],
    );
    return rows.map((row) => ({
      eventId: row.envelope.id,
      type: row.envelope.type,
      reason: row.dead_reason,
      attempts: row.attempts,
      envelope: row.envelope,
    }));
  }

  async replayDeadLetters(consumer: string, eventIds?: string[]): Promise<number> {
    await this.ensureSchema();
    const { rowCount } = await this.pool.query(
      `UPDATE bus_message SET dead_at = NULL, dead_reason = NULL, attempts = 0, available_at = now()
       WHERE consumer = $1 AND dead_at IS NOT NULL AND ($2::uuid[] IS NULL OR event_id = ANY($2::uuid[]))`,
      [consumer, eventIds ?? null],
    );
    await this.pool.query(`SELECT pg_notify('${CHANNEL}', '')`);
    return rowCount ?? 0;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    await this.pool.end();
  }
}
