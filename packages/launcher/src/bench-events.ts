/**
 * The events part of `npm run bench`, on real PostgreSQL and RabbitMQ:
 *  1. peer: a bare publish/consume loop on the broker with the same client (rabbitmq-client):
 *     publisher confirms per batch of 200 (the relay's batch), durable messages, manual ack, the
 *     transport's prefetch;
 *  2. peer: the writers alone (outbox transactions, no relay), the producers' own rate;
 *  3. end to end: each event written to the outbox in its own transaction, published by the relay,
 *     consumed through the RabbitMQ transport into an inbox transaction of the consumer's database;
 *     events per second of a burst, commit-to-handled latency (p50 / p99);
 *  4. the same pipeline draining a backlog (the relay started after the writes): its own rate,
 *     without the writers' commits; and, as a diagnostic, without the consumer's inbox transaction;
 *  5. the same pipeline at a steady 1,000 events/s for 10 s: commit-to-handled p50 / p99.
 * The order of each subject's events is checked on the way (a violation fails the bench).
 * PostgreSQL: BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL, else an embedded server.
 * RabbitMQ: BENCH_AMQP_URL, AMQP_URL or TEST_AMQP_URL, else amqp://guest:guest@127.0.0.1:5672;
 * when it cannot be reached the part is skipped with a note.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  EVENT_TABLES_SQL,
  createConsumer,
  createEventTransport,
  defineEvent,
  on,
  startOutboxRelay,
  writeEvent,
} from '@gametriggers/events';
import type { EventTransport, InboxExecutor, SqlExecutor, TransactionalDb } from '@gametriggers/events';
import { databaseUrl, dropDatabase, ensureDatabase, startEmbeddedPostgres } from '@gametriggers/prisma-tools';
import pg from 'pg';
import { pino } from 'pino';
import { Connection } from 'rabbitmq-client';
import { z } from 'zod';
import { DEFAULT_PREFETCH } from '../../events/src/rabbitmq-transport';

const BURST = 5000;
const STEADY_RATE = 1000;
const STEADY_SECONDS = 10;
/** Concurrent writers; each owns its subjects, so a subject's events are committed in order. */
const WRITERS = 8;
const SUBJECTS = 200;
const PUBLISH_BATCH = 200;

const logger = pino({ level: process.env['BENCH_LOG_LEVEL'] ?? 'silent' });
const BenchEvent = defineEvent({
  type: 'bench.thing.happened',
  version: 1,
  source: 'bench',
  description: 'a benchmark event',
  schema: z.object({ seq: z.number().int(), note: z.string() }),
});
const note = 'x'.repeat(200); // an envelope of about 500 bytes, like a real one

const now = () => performance.now();
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  count: number;
}

function figures(latencies: number[], count: number, seconds: number): Figures {
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), count };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The peer: publish with confirms, consume with manual ack, nothing else. */
async function bareLoop(amqpUrl: string, count: number, prefetch: number): Promise<Figures> {
  // The transport's connection settings (TCP_NODELAY).
  const connection = new Connection({ url: amqpUrl, connectionName: 'gametriggers bench (bare loop)', noDelay: true });
  const queue = `gametriggers.bench.bare.${randomBytes(4).toString('hex')}`;
  try {
    await connection.queueDeclare({ queue, durable: true });
    const sentAt = new Float64Array(count);
    const latencies: number[] = [];
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const consumer = connection.createConsumer(
      { queue, queueOptions: { durable: true }, qos: { prefetchCount: prefetch }, concurrency: prefetch },
      async (message) => {
        latencies.push(now() - sentAt[Number(message.messageId)]!);
        if (latencies.length === count) done();
      },
    );
    await new Promise<void>((resolve, reject) => {
      consumer.once('ready', resolve);
      consumer.once('error', reject);
    });
    const publisher = connection.createPublisher({ confirm: true, maxAttempts: 1 });
    const body = Buffer.from(JSON.stringify({ id: randomBytes(16).toString('hex'), type: BenchEvent.type, data: { seq: 0, note } }));
    const started = now();
    for (let first = 0; first < count; first += PUBLISH_BATCH) {
      const batch: Promise<void>[] = [];
      for (let i = first; i < Math.min(count, first + PUBLISH_BATCH); i += 1) {
        sentAt[i] = now();
        batch.push(publisher.send({ routingKey: queue, durable: true, messageId: String(i), contentType: 'application/json' }, body));
      }
      await Promise.all(batch);
    }
    await withTimeout(finished, 60_000, 'bare loop');
    const seconds = (now() - started) / 1000;
    await publisher.close();
    await consumer.close();
    return figures(latencies, count, seconds);
  } finally {
    await connection.queueDelete({ queue }).catch(() => {});
    await connection.close();
  }
}

/** A producer database (outbox) and a consumer database (inbox + a row per subject). */
async function openDatabases(serverUrl: string) {
  const suffix = randomBytes(4).toString('hex');
  const producerUrl = databaseUrl(serverUrl, `bench_events_producer_${suffix}`);
  const consumerUrl = databaseUrl(serverUrl, `bench_events_consumer_${suffix}`);
  await ensureDatabase(producerUrl);
  await ensureDatabase(consumerUrl);
  const producer = new pg.Pool({ connectionString: producerUrl, max: WRITERS + 1 });
  const consumer = new pg.Pool({ connectionString: consumerUrl, max: 20 });
  // Dropping the databases at the end terminates connections that are still closing.
  for (const pool of [producer, consumer]) pool.on('error', () => {});
  await producer.query(EVENT_TABLES_SQL);
  await consumer.query(`${EVENT_TABLES_SQL}\nCREATE TABLE "Subject" ("id" TEXT PRIMARY KEY, "seq" INTEGER NOT NULL);`);
  const executor = (client: pg.PoolClient | pg.Pool): InboxExecutor => ({
    $executeRawUnsafe: async (query: string, ...values: unknown[]) => (await client.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await client.query(query, values)).rows as T,
  });
  const db: TransactionalDb<InboxExecutor> = {
    $transaction: async (work) => {
      const client = await consumer.connect();
      try {
        await client.query('BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
  return {
    producerUrl,
    producer,
    executor,
    db,
    close: async () => {
      await producer.end();
      await consumer.end();
      await dropDatabase(producerUrl);
      await dropDatabase(consumerUrl);
    },
  };
}

interface Run {
  count: number;
  /** Resolves when event `index` (of `writer`) may be written; default: at once. */
  pace?: (writer: number, index: number) => Promise<void>;
  /** Write every event first, then start the relay: the pipeline's own rate, without the writers'. */
  backlog?: boolean;
  /** false: the consumer acknowledges without its inbox transaction (a diagnostic). Default true. */
  inbox?: boolean;
  /** Only the writers' outbox transactions, no relay (their own rate: a peer of the end-to-end run). */
  writersOnly?: boolean;
}

/** Outbox -> relay -> RabbitMQ -> consumer with inbox. */
async function endToEnd(
  serverUrl: string,
  amqpUrl: string,
  transport: EventTransport,
  { count, pace, backlog = false, inbox = true, writersOnly = false }: Run,
): Promise<Figures & { orderViolations: number }> {
  const dbs = await openDatabases(serverUrl);
  const consumerName = `bench_${randomBytes(4).toString('hex')}`;
  const committedAt = new Map<string, number>();
  const handledAt = new Map<string, number>();
  const lastSeq = new Map<string, number>();
  let orderViolations = 0;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const options = createConsumer({
    consumer: consumerName,
    db: dbs.db,
    handlers: [
      on(BenchEvent, async (tx: SqlExecutor, data, envelope) => {
        if (data.seq <= (lastSeq.get(envelope.subject) ?? -1)) orderViolations += 1;
        lastSeq.set(envelope.subject, data.seq);
        await tx.$executeRawUnsafe(
          'INSERT INTO "Subject" ("id", "seq") VALUES ($1, $2) ON CONFLICT ("id") DO UPDATE SET "seq" = $2',
          envelope.subject,
          data.seq,
        );
      }),
    ],
  });
  const handle = options.handle;
  options.handle = async (envelope) => {
    if (inbox) await handle(envelope);
    else {
      const { seq } = envelope.data as { seq: number };
      if (seq <= (lastSeq.get(envelope.subject) ?? -1)) orderViolations += 1;
      lastSeq.set(envelope.subject, seq);
    }
    if (!handledAt.has(envelope.id)) handledAt.set(envelope.id, now()); // its inbox transaction is committed
    if (handledAt.size === count) done();
  };
  const consumer = await transport.consume(options);
  const startRelay = () => startOutboxRelay({ connectionString: dbs.producerUrl, transport, logger, name: 'bench' });
  let relay = backlog || writersOnly ? undefined : startRelay();
  try {
    let started = now();
    await Promise.all(
      Array.from({ length: WRITERS }, async (_unused, writer) => {
        const client = await dbs.producer.connect();
        const seqs = new Map<string, number>();
        try {
          for (let index = writer; index < count; index += WRITERS) {
            await pace?.(writer, index);
            // SUBJECTS is a multiple of WRITERS: each subject belongs to one writer.
            const subject = `subject-${index % SUBJECTS}`;
            const seq = seqs.get(subject) ?? 0;
            seqs.set(subject, seq + 1);
            await client.query('BEGIN');
            const envelope = await writeEvent(dbs.executor(client), BenchEvent, { subject, data: { seq, note } });
            await client.query('COMMIT');
            committedAt.set(envelope.id, now());
          }
        } finally {
          client.release();
        }
      }),
    );
    if (writersOnly) return { ...figures([], count, (now() - started) / 1000), orderViolations: 0 };
    if (!relay) {
      started = now();
      relay = startRelay();
    }
    await withTimeout(finished, 60_000, `end-to-end run (${handledAt.size} of ${count} handled)`);
    const seconds = (now() - started) / 1000;
    const latencies = [...handledAt].map(([id, at]) => at - committedAt.get(id)!);
    return { ...figures(latencies, count, seconds), orderViolations };
  } finally {
    await consumer.stop();
    await relay?.stop();
    await dbs.close();
    // What this run declared on the broker.
    const admin = new Connection(amqpUrl);
    for (const suffix of ['', '.retry', '.dead'])
      await admin.queueDelete({ queue: `gametriggers.${consumerName}${suffix}` }).catch(() => {});
    await admin.close();
  }
}

async function reachable(amqpUrl: string): Promise<string | undefined> {
  const connection = new Connection({ url: amqpUrl, retryLow: 200, retryHigh: 500 });
  try {
    await connection.onConnect(3000, true);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    connection.close().catch(() => {});
  }
}

/** Runs the events benchmark; returns Markdown table rows, or a note when it was skipped. */
export async function benchEvents(): Promise<{ table?: string; note?: string }> {
  const amqpUrl =
    process.env['BENCH_AMQP_URL'] ?? process.env['AMQP_URL'] ?? process.env['TEST_AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
  const unreachable = await reachable(amqpUrl);
  if (unreachable) {
    return { note: `events benchmark skipped: RabbitMQ is not reachable at ${new URL(amqpUrl).host} (${unreachable})` };
  }
  let serverUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  let embedded: { stop: () => Promise<void> } | undefined;
  let dataDir: string | undefined;
  if (!serverUrl) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-bench-events-'));
    await chmod(dataDir, 0o755);
    const started = await startEmbeddedPostgres(path.join(dataDir, 'postgres'));
    serverUrl = started.url;
    embedded = started;
  }
  const transport = await createEventTransport(amqpUrl, logger);
  try {
    const bare = await bareLoop(amqpUrl, BURST, DEFAULT_PREFETCH);
    const writers = await endToEnd(serverUrl, amqpUrl, transport, { count: BURST, writersOnly: true });
    const burst = await endToEnd(serverUrl, amqpUrl, transport, { count: BURST });
    const drain = await endToEnd(serverUrl, amqpUrl, transport, { count: BURST, backlog: true });
    const transportOnly = await endToEnd(serverUrl, amqpUrl, transport, { count: BURST, backlog: true, inbox: false });
    const steadyCount = STEADY_RATE * STEADY_SECONDS;
    let steadyStart = 0;
    const steady = await endToEnd(serverUrl, amqpUrl, transport, {
      count: steadyCount,
      pace: async (_writer, index) => {
        steadyStart ||= now();
        const due = steadyStart + (index * 1000) / STEADY_RATE; // event `index` is due at index / rate
        const wait = due - now();
        if (wait > 0) await sleep(wait);
      },
    });
    const violations = [burst, drain, transportOnly, steady].reduce((sum, run) => sum + run.orderViolations, 0);
    if (violations) throw new Error(`${violations} events were handled out of order for their subject`);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')} /s`;
    const ratio = burst.perSecond / bare.perSecond;
    return {
      table: `| measure | value | target |
| --- | --- | --- |
| peer: bare publish (confirms, batches of ${PUBLISH_BATCH}) / consume (manual ack, prefetch ${DEFAULT_PREFETCH}) loop, ${BURST.toLocaleString('en-US')} messages | ${rate(bare.perSecond)} (latency p50 ${ms(bare.p50)}, p99 ${ms(bare.p99)}) | |
| peer: the writers alone (${WRITERS} writers, one event per outbox transaction, no relay), ${BURST.toLocaleString('en-US')} events | ${rate(writers.perSecond)} | |
| events end to end (outbox tx -> relay -> RabbitMQ -> consumer inbox tx), burst of ${BURST.toLocaleString('en-US')} | ${rate(burst.perSecond)} = ${ratio.toFixed(2)}x the bare loop, ${(burst.perSecond / writers.perSecond).toFixed(2)}x the writers alone (commit-to-handled p50 ${ms(burst.p50)}, p99 ${ms(burst.p99)}) | |
| the same pipeline draining a backlog of ${BURST.toLocaleString('en-US')} committed events (relay started after the writes) | ${rate(drain.perSecond)} = ${(drain.perSecond / bare.perSecond).toFixed(2)}x the bare loop | >= 0.5x |
| diagnostic: the same backlog, consumer acknowledging without its inbox transaction (relay + transport only) | ${rate(transportOnly.perSecond)} = ${(transportOnly.perSecond / bare.perSecond).toFixed(2)}x the bare loop | |
| events end to end at a steady ${STEADY_RATE.toLocaleString('en-US')} events/s for ${STEADY_SECONDS} s: commit-to-handled p99 | ${ms(steady.p99)} (p50 ${ms(steady.p50)}) | < 50 ms |`,
    };
  } finally {
    await transport.close();
    const admin = new Connection(amqpUrl);
    await admin.exchangeDelete({ exchange: `gametriggers.${BenchEvent.source}` }).catch(() => {});
    await admin.close();
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}
