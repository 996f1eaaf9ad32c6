import { randomBytes } from 'node:crypto';
import { databaseUrl, dropDatabase, ensureDatabase } from '@gametriggers/prisma-tools';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { Connection } from 'rabbitmq-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { createConsumer, on } from '../src/consumer';
import { defineEvent } from '../src/contract';
import type { EventEnvelope } from '../src/contract';
import { registerEventMetrics } from '../src/metrics';
import { writeEvent } from '../src/outbox';
import type { SqlExecutor } from '../src/outbox';
import { PostgresEventTransport } from '../src/postgres-transport';
import { DEFAULT_PREFETCH, RabbitMqEventTransport } from '../src/rabbitmq-transport';
import { startOutboxRelay } from '../src/relay';
import { PermanentEventError } from '../src/transport';
import type { EventTransport } from '../src/transport';
import { uuidv7 } from '../src/uuid';
import { createEventsDatabase } from './pg-db';

const logger = pino({ level: 'silent' });
const amqpUrl = process.env['TEST_AMQP_URL'];
const unique = randomBytes(4).toString('hex');
const producerName = `metrics_producer_${unique}`;
const consumerName = `metrics_consumer_${unique}`;
const Pinged = defineEvent({
  type: 'tests.metrics.pinged',
  version: 1,
  source: 'tests',
  description: 'a ping, whose `outcome` tells the handler what to do',
  schema: z.object({ outcome: z.enum(['ok', 'fail-once', 'poison']) }),
});

let producer: Awaited<ReturnType<typeof createEventsDatabase>>;
let consumerDb: Awaited<ReturnType<typeof createEventsDatabase>>;
let busUrl: string;
let transport: PostgresEventTransport;

beforeAll(async () => {
  producer = await createEventsDatabase('metrics_producer');
  consumerDb = await createEventsDatabase('metrics_consumer');
  busUrl = databaseUrl(inject('databaseServerUrl'), `test_events_metrics_bus_${unique}`);
  await ensureDatabase(busUrl);
  transport = new PostgresEventTransport(busUrl, logger);
});
afterAll(async () => {
  await transport?.close();
  await producer?.drop();
  await consumerDb?.drop();
  if (busUrl) await dropDatabase(busUrl);
});

/** The value of a series in Prometheus' text format (undefined when absent). */
async function sample(registry: Registry, metric: string, labels: string): Promise<number | undefined> {
  const text = await registry.metrics();
  const line = text.split('\n').find((row) => row.startsWith(`${metric}{${labels}}`));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

async function until(check: () => Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('event metrics', () => {
  it('count publishes, publish failures, handled, retried and dead-lettered events, and show lag and depth', async () => {
    // A transport whose first publish fails, as a broker that is down would.
    let failNext = true;
    const flaky: EventTransport = Object.assign(Object.create(transport) as EventTransport, {
      publish: async (envelopes: Parameters<EventTransport['publish']>[0]) => {
        if (failNext) {
          failNext = false;
          throw new Error('broker unavailable');
        }
        await transport.publish(envelopes);
      },
    });
    const seen = new Map<string, number>();
    const consumer = await transport.consume(
      createConsumer({
        consumer: consumerName,
        db: consumerDb.db,
        maxAttempts: 3,
        handlers: [
          on(Pinged, async (_tx: SqlExecutor, data, envelope) => {
            const attempt = (seen.get(envelope.id) ?? 0) + 1;
            seen.set(envelope.id, attempt);
            if (data.outcome === 'poison') throw new PermanentEventError('cannot be handled');
            if (data.outcome === 'fail-once' && attempt === 1) throw new Error('transient');
          }),
        ],
      }),
    );
    const registry = new Registry();
    registerEventMetrics(registry, { subgraph: producerName });
    const consumerRegistry = new Registry();
    registerEventMetrics(consumerRegistry, { subgraph: consumerName });
    const producerLabel = `subgraph="${producerName}"`;
    const consumerLabel = `consumer="${consumerName}"`;

    // Written before the relay runs: pending, with an age.
    for (const outcome of ['ok', 'ok', 'fail-once', 'poison'] as const) {
      await producer.db.$transaction((tx) => writeEvent(tx, Pinged, { subject: outcome, data: { outcome } }));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const relay = startOutboxRelay({ connectionString: producer.url, transport: flaky, logger, name: producerName, pollIntervalMs: 50 });
    try {
      const lag = await relay.lag();
      expect(lag.pending).toBeGreaterThan(0);
      expect(await sample(registry, 'gametriggers_events_outbox_pending', producerLabel)).toBeGreaterThan(0);
      expect(await sample(registry, 'gametriggers_events_outbox_oldest_pending_age_seconds', producerLabel)).toBeGreaterThan(0);

      await relay.drain();
      expect(await sample(registry, 'gametriggers_events_published_total', producerLabel)).toBe(4);
      expect(await sample(registry, 'gametriggers_events_publish_failures_total', producerLabel)).toBe(1);
      expect(await sample(registry, 'gametriggers_events_outbox_pending', producerLabel)).toBe(0);
      expect(await sample(registry, 'gametriggers_events_outbox_oldest_pending_age_seconds', producerLabel)).toBe(0);

      await until(async () => (await sample(consumerRegistry, 'gametriggers_events_handled_total', consumerLabel)) === 3);
      expect(await sample(consumerRegistry, 'gametriggers_events_retried_total', consumerLabel)).toBe(1);
      expect(await sample(consumerRegistry, 'gametriggers_events_dead_lettered_total', consumerLabel)).toBe(1);
      expect(await sample(consumerRegistry, 'gametriggers_events_queue_depth', `${consumerLabel},queue="dead"`)).toBe(1);
      expect(await sample(consumerRegistry, 'gametriggers_events_queue_depth', `${consumerLabel},queue="main"`)).toBe(0);
      // Each registry shows its own subgraph's series only.
      expect(await consumerRegistry.metrics()).not.toContain(producerName);
      expect(await registry.metrics()).not.toContain(consumerName);
    } finally {
      await relay.stop();
      await consumer.stop();
    }
    // Stopped: the counters stay, the gauges that need the relay or the consumer are gone.
    expect(await sample(registry, 'gametriggers_events_published_total', producerLabel)).toBe(4);
    expect(await sample(registry, 'gametriggers_events_outbox_pending', producerLabel)).toBeUndefined();
  });
});

describe.skipIf(!amqpUrl)('RabbitMQ consumer metrics', () => {
  it(`count handled and retried events, show the queue depth, and keep each subject's order at prefetch ${DEFAULT_PREFETCH}`, async () => {
    const source = `metrics_${unique}`;
    const Counted = defineEvent({
      type: 'tests.metrics.counted',
      version: 1,
      source,
      description: 'a numbered event of a subject',
      schema: z.object({ seq: z.number().int() }),
    });
    const consumer = `metrics_rabbit_${unique}`;
    const rabbit = new RabbitMqEventTransport(amqpUrl!, logger);
    const seen = new Map<string, number[]>();
    let failed = false;
    try {
      const running = await rabbit.consume({
        consumer,
        contracts: [Counted],
        retryDelayMs: () => 10,
        handle: async (envelope) => {
          const { seq } = envelope.data as { seq: number };
          if (envelope.subject === 'subject-0' && seq === 0 && !failed) {
            failed = true;
            throw new Error('transient');
          }
          // Uneven work: a transport that overlapped one subject's events would reorder them.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
          seen.set(envelope.subject!, [...(seen.get(envelope.subject!) ?? []), seq]);
        },
      });
      const envelopes: EventEnvelope[] = Array.from({ length: 300 }, (_, index) => {
        const id = uuidv7();
        return {
          specversion: '1.0',
          id,
          source: `/subgraphs/${source}`,
          type: Counted.type,
          dataversion: 1,
          subject: `subject-${index % 5}`,
          time: new Date().toISOString(),
          correlationid: id,
          datacontenttype: 'application/json',
          data: { seq: Math.floor(index / 5) },
        };
      });
      await rabbit.publish(envelopes);
      const registry = new Registry();
      registerEventMetrics(registry, { subgraph: consumer });
      const label = `consumer="${consumer}"`;
      await until(async () => (await sample(registry, 'gametriggers_events_handled_total', label)) === 300);
      expect(await sample(registry, 'gametriggers_events_retried_total', label)).toBe(1);
      expect(await sample(registry, 'gametriggers_events_dead_lettered_total', label)).toBe(0);
      for (const queue of ['main', 'retry', 'dead']) {
        expect(await sample(registry, 'gametriggers_events_queue_depth', `${label},queue="${queue}"`)).toBe(0);
      }
      // Each subject in order, except the retried event, which comes back after its successors.
      for (let subject = 1; subject < 5; subject += 1) {
        expect(seen.get(`subject-${subject}`)).toEqual(Array.from({ length: 60 }, (_, seq) => seq));
      }
      expect(seen.get('subject-0')).toEqual([...Array.from({ length: 59 }, (_, seq) => seq + 1), 0]);
      await running.stop();
    } finally {
      await rabbit.close();
      const admin = new Connection(amqpUrl!);
      for (const suffix of ['', '.retry', '.dead']) await admin.queueDelete({ queue: `gametriggers.${consumer}${suffix}` });
      await admin.exchangeDelete({ exchange: `gametriggers.${source}` });
      await admin.close();
    }
  });
});
