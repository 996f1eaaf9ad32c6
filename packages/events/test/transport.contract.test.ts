import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { databaseUrl, dropDatabase, ensureDatabase } from '@gametriggers/prisma-tools';
import { pino } from 'pino';
import { Connection } from 'rabbitmq-client';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { defineEvent } from '../src/contract';
import type { EventContract, EventEnvelope } from '../src/contract';
import { createEventTransport } from '../src/index';
import { PostgresEventTransport } from '../src/postgres-transport';
import { RabbitMqEventTransport } from '../src/rabbitmq-transport';
import { PermanentEventError } from '../src/transport';
import type { ConsumerOptions, EventTransport } from '../src/transport';
import { uuidv7 } from '../src/uuid';

const amqpUrl = process.env['TEST_AMQP_URL'];
const logger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
const unique = () => randomBytes(4).toString('hex');

/** A transport under test: opens transports on one broker or database; cleans up after the suite. */
interface Implementation {
  setUp: () => Promise<void>;
  open: () => EventTransport;
  /** Remembers a consumer / source name so the suite can remove what it declared. */
  track: (kind: 'consumer' | 'source', name: string) => void;
  tearDown: () => Promise<void>;
}

function postgres(): Implementation {
  let url = '';
  return {
    setUp: async () => {
      url = databaseUrl(inject('databaseServerUrl'), `test_events_${unique()}`);
      await ensureDatabase(url);
    },
    open: () => new PostgresEventTransport(url, logger),
    track: () => {},
    tearDown: () => dropDatabase(url),
  };
}

function rabbitmq(url: string): Implementation {
  const consumers = new Set<string>();
  const sources = new Set<string>();
  return {
    setUp: async () => {},
    open: () => new RabbitMqEventTransport(url, logger),
    track: (kind, name) => (kind === 'consumer' ? consumers : sources).add(name),
    tearDown: async () => {
      const admin = new Connection(url);
      try {
        for (const consumer of consumers) {
          for (const suffix of ['', '.retry', '.dead']) await admin.queueDelete({ queue: `gametriggers.${consumer}${suffix}` });
        }
        for (const source of sources) await admin.exchangeDelete({ exchange: `gametriggers.${source}` });
      } finally {
        await admin.close();
      }
    },
  };
}

const implementations: [string, Implementation][] = [
  ['postgres', postgres()],
  ...(amqpUrl ? [['rabbitmq', rabbitmq(amqpUrl)] as [string, Implementation]] : []),
];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds, or fails with `describeState()` of what was there. */
async function waitFor(check: () => boolean, describeState: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${describeState()}`);
    await sleep(20);
  }
}

/** Reads until `check` holds of what was read, and returns it; fails with the last reading. */
async function readUntil<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms; last read: ${JSON.stringify(value)}`);
    await sleep(50);
  }
}

function envelope(contract: EventContract, subject: string, data: unknown): EventEnvelope {
  const id = uuidv7();
  return {
    specversion: '1.0',
    id,
    source: `/subgraphs/${contract.source}`,
    type: contract.type,
    dataversion: contract.version,
    subject,
    time: new Date().toISOString(),
    correlationid: id,
    datacontenttype: 'application/json',
    data: contract.schema.parse(data),
  };
}

/** What a consumer saw: every delivery (attempts) and every successful handling, in order. */
function recorder() {
  const delivered: EventEnvelope[] = [];
  const handled: EventEnvelope[] = [];
  return {
    delivered,
    handled,
    handledIds: () => new Set(handled.map((event) => event.id)),
    /** A handler that records, runs `behaviour` (which may throw), then counts it as handled. */
    handler:
      (behaviour: (event: EventEnvelope, attempt: number) => void | Promise<void> = () => {}) =>
      async (event: EventEnvelope) => {
        delivered.push(event);
        await behaviour(event, delivered.filter((seen) => seen.id === event.id).length);
        handled.push(event);
      },
  };
}

describe.each(implementations)('%s event transport', (kind, implementation) => {
  const opened: EventTransport[] = [];
  let source = '';
  let OrderPlaced: EventContract;
  let OrderShipped: EventContract;
  let OrderRefunded: EventContract;

  beforeAll(() => implementation.setUp());
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((transport) => transport.close()));
  });
  afterAll(() => implementation.tearDown());

  /** Fresh names per test: a run never sees another run's (or test's) exchanges and queues. */
  const setUpTest = () => {
    source = `test-${unique()}`;
    implementation.track('source', source);
    const schema = z.object({ seq: z.number().int() });
    OrderPlaced = defineEvent({ type: 'test.order.placed', version: 1, source, description: 'test', schema });
    OrderShipped = defineEvent({ type: 'test.order.shipped', version: 1, source, description: 'test', schema });
    // Declared but bound by no consumer.
    OrderRefunded = defineEvent({ type: 'test.order.refunded', version: 1, source, description: 'test', schema });
  };
  const consumerName = (role: string) => {
    const name = `test-${role}-${unique()}`;
    implementation.track('consumer', name);
    return name;
  };
  const open = () => {
    const transport = implementation.open();
    opened.push(transport);
    return transport;
  };
  const consume = (transport: EventTransport, options: ConsumerOptions) => transport.consume({ retryDelayMs: () => 50, ...options });

  it('fans an event out to every consumer bound to its type, and to no other', async () => {
    setUpTest();
    const transport = open();
    await transport.ready();
    expect(transport.kind).toBe(kind);
    const [a, b, other] = [recorder(), recorder(), recorder()];
    await consume(transport, { consumer: consumerName('a'), contracts: [OrderPlaced], handle: a.handler() });
    await consume(transport, { consumer: consumerName('b'), contracts: [OrderPlaced], handle: b.handler() });
    await consume(transport, { consumer: consumerName('other'), contracts: [OrderShipped], handle: other.handler() });

    const placed = [1, 2, 3].map((seq) => envelope(OrderPlaced, 'order-1', { seq }));
    await transport.publish(placed);
    // The shipped event comes last: once `other` has it, it would have had the placed ones too.
    const shipped = envelope(OrderShipped, 'order-1', { seq: 4 });
    await transport.publish([shipped]);

    await waitFor(
      () => a.handled.length >= 3 && b.handled.length >= 3 && other.handled.length >= 1,
      () => `a ${a.handled.length}, b ${b.handled.length}, other ${other.handled.length}`,
    );
    const ids = placed.map((event) => event.id);
    expect(a.handled.map((event) => event.id)).toEqual(ids);
    expect(b.handled.map((event) => event.id)).toEqual(ids);
    expect(other.handled.map((event) => event.id)).toEqual([shipped.id]);
    expect(a.handled[0]).toEqual(placed[0]); // the whole envelope travels
  });

  it('never delivers an event type no consumer is bound to', async () => {
    setUpTest();
    const transport = open();
    const bound = recorder();
    const consumer = consumerName('bound');
    await consume(transport, { consumer, contracts: [OrderPlaced], handle: bound.handler() });

    const refunded = envelope(OrderRefunded, 'order-1', { seq: 1 });
    await transport.publish([refunded]); // accepted (nobody wants it), not an error
    const placed = envelope(OrderPlaced, 'order-1', { seq: 2 });
    await transport.publish([placed]);

    await waitFor(
      () => bound.handled.length >= 1,
      () => `handled ${bound.handled.length}`,
    );
    // Let anything else in flight arrive before judging.
    await sleep(300);
    expect(bound.delivered.map((event) => event.type)).toEqual([OrderPlaced.type]);
    expect(await transport.deadLetters(consumer)).toEqual([]);
  });

  it('keeps the order of 200 events of one subject (per-subject order)', async () => {
    setUpTest();
    const transport = open();
    const seen = recorder();
    await consume(transport, {
      consumer: consumerName('ordered'),
      contracts: [OrderPlaced],
      // Uneven asynchronous work per event, so a transport that overlapped deliveries would reorder them.
      handle: seen.handler((event) => sleep((event.data as { seq: number }).seq % 4)),
    });
    const events = Array.from({ length: 200 }, (_, seq) => envelope(OrderPlaced, 'order-7', { seq }));
    for (let start = 0; start < events.length; start += 50) await transport.publish(events.slice(start, start + 50));

    await waitFor(
      () => seen.handled.length >= 200,
      () => `handled ${seen.handled.length}/200`,
      20_000,
    );
    expect(seen.handled.map((event) => (event.data as { seq: number }).seq)).toEqual(events.map((_, seq) => seq));
  });

  it('retries a failing handler with a delay and handles the event once it succeeds', async () => {
    setUpTest();
    const transport = open();
    const seen = recorder();
    const consumer = consumerName('flaky');
    const delays: number[] = [];
    await transport.consume({
      consumer,
      contracts: [OrderPlaced],
      maxAttempts: 5,
      retryDelayMs: (attempt) => {
        delays.push(attempt);
        return 100 * attempt;
      },
      handle: seen.handler((_event, attempt) => {
        if (attempt <= 2) throw new Error(`temporary failure ${attempt}`);
      }),
    });
    const event = envelope(OrderPlaced, 'order-2', { seq: 1 });
    const started = Date.now();
    await transport.publish([event]);

    await waitFor(
      () => seen.handled.length >= 1,
      () => `delivered ${seen.delivered.length}, handled ${seen.handled.length}`,
    );
    await sleep(300);
    expect(seen.delivered.map((delivery) => delivery.id)).toEqual([event.id, event.id, event.id]);
    expect(seen.handled.map((handled) => handled.id)).toEqual([event.id]);
    expect(delays).toEqual([1, 2]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300); // waited 100 + 200 ms
    expect(await transport.deadLetters(consumer)).toEqual([]);
  });

  it('dead-letters a poison event with its reason while later events keep flowing', async () => {
    setUpTest();
    const transport = open();
    const seen = recorder();
    const consumer = consumerName('poisoned');
    const poison = envelope(OrderPlaced, 'order-3', { seq: -1 });
    const invalid = envelope(OrderPlaced, 'order-4', { seq: -2 });
    await consume(transport, {
      consumer,
      contracts: [OrderPlaced],
      maxAttempts: 3,
      handle: seen.handler((event) => {
        if (event.id === poison.id) throw new Error('handler always fails');
        if (event.id === invalid.id) throw new PermanentEventError('payload breaks its contract');
      }),
    });
    const later = [1, 2, 3, 4, 5].map((seq) => envelope(OrderPlaced, `order-${seq + 10}`, { seq }));
    await transport.publish([poison, invalid, ...later]);

    await waitFor(
      () => seen.handled.length >= 5 && seen.delivered.filter((event) => event.id === poison.id).length >= 3,
      () => `handled ${seen.handled.length}, deliveries ${seen.delivered.length}`,
    );
    expect(seen.handled.map((event) => event.id)).toEqual(later.map((event) => event.id));

    const byId = async () => {
      const letters = await transport.deadLetters(consumer);
      return Object.fromEntries(letters.map((letter) => [letter.eventId, letter]));
    };
    const dead = await readUntil(byId, (letters) => Object.keys(letters).length >= 2);
    expect(dead[poison.id]).toMatchObject({ type: OrderPlaced.type, reason: 'handler always fails', attempts: 3, envelope: poison });
    expect(dead[invalid.id]).toMatchObject({
      type: OrderPlaced.type,
      reason: 'payload breaks its contract',
      attempts: 1,
      envelope: invalid,
    });
    expect(Object.keys(dead)).toHaveLength(2);
    // A permanent error is not retried; the poison exactly maxAttempts times.
    expect(seen.delivered.filter((event) => event.id === invalid.id)).toHaveLength(1);
    expect(seen.delivered.filter((event) => event.id === poison.id)).toHaveLength(3);
    // Reading the dead letters takes nothing away.
    expect(Object.keys(await byId()).sort()).toEqual([invalid.id, poison.id].sort());
  });

  it('replays dead letters (some, then all) with their attempts reset, after a fix', async () => {
    setUpTest();
    const transport = open();
    const seen = recorder();
    const consumer = consumerName('replayed');
    let fixed = false;
    const first = envelope(OrderPlaced, 'order-5', { seq: 1 });
    const second = envelope(OrderPlaced, 'order-6', { seq: 2 });
    await consume(transport, {
      consumer,
      contracts: [OrderPlaced],
      maxAttempts: 2,
      // Before the fix: always fails. After: fails once more, then succeeds, which only works if the
      // replayed event starts again at attempt 1 of 2.
      handle: seen.handler((event, attempt) => {
        if (!fixed || attempt === 3) throw new Error(`broken (attempt ${attempt})`);
      }),
    });
    await transport.publish([first, second]);
    const deadIds = async () => (await transport.deadLetters(consumer)).map((letter) => letter.eventId).sort();
    const dead = await readUntil(deadIds, (ids) => ids.length >= 2);
    expect(dead).toEqual([first.id, second.id].sort());
    expect(seen.handled).toEqual([]);

    fixed = true;
    expect(await transport.replayDeadLetters(consumer, [first.id])).toBe(1);
    await waitFor(
      () => seen.handledIds().has(first.id),
      () => `handled ${seen.handled.length}, deliveries ${seen.delivered.length}`,
    );
    expect(await deadIds()).toEqual([second.id]);

    expect(await transport.replayDeadLetters(consumer)).toBe(1);
    await waitFor(
      () => seen.handledIds().has(second.id),
      () => `handled ${seen.handled.length}, deliveries ${seen.delivered.length}`,
    );
    expect(seen.handled.map((event) => event.id)).toEqual([first.id, second.id]);
    expect(await deadIds()).toEqual([]);
    expect(await transport.replayDeadLetters(consumer)).toBe(0);
  });

  it.runIf(kind === 'rabbitmq')(
    'loses nothing when the broker drops every connection mid-stream',
    async () => {
      setUpTest();
      // Producer and consumer on separate connections, as in separate subgraph processes.
      const producer = open();
      const consumerSide = open();
      const seen = recorder();
      await consume(consumerSide, { consumer: consumerName('resilient'), contracts: [OrderPlaced], handle: seen.handler() });
      await producer.ready();

      const events = Array.from({ length: 100 }, (_, seq) => envelope(OrderPlaced, 'order-9', { seq }));
      let rejections = 0;
      let dropped: Promise<unknown> | undefined;
      for (const [index, event] of events.entries()) {
        if (index === 30) dropped = promisify(execFile)('rabbitmqctl', ['close_all_connections', 'contract test']);
        // What the outbox relay does: a rejected publish is published again until it is confirmed.
        for (let attempt = 1; ; attempt += 1) {
          try {
            await producer.publish([event]);
            break;
          } catch (error) {
            rejections += 1;
            if (attempt >= 60) throw error;
            await sleep(250);
          }
        }
        if (index >= 30 && index < 40) await sleep(100); // spread publishes across the outage
      }
      await dropped;

      await waitFor(
        () => seen.handledIds().size >= 100,
        () => `distinct handled ${seen.handledIds().size}/100 (deliveries ${seen.delivered.length}, publish rejections ${rejections})`,
        30_000,
      );
      expect([...seen.handledIds()].sort()).toEqual(events.map((event) => event.id).sort());
      await producer.ready(); // reconnected
      await consumerSide.ready();
    },
    60_000,
  );

  it.runIf(kind === 'rabbitmq')('rejects a publish the broker refused, then recovers on the next one', async () => {
    setUpTest();
    const transport = open();
    const seen = recorder();
    await transport.publish([envelope(OrderPlaced, 'order-8', { seq: 0 })]); // declares the exchange
    // The exchange disappears under the publisher: only a publish that waits for its confirm notices.
    const admin = new Connection(amqpUrl!);
    await admin.exchangeDelete({ exchange: `gametriggers.${source}` });
    await admin.close();
    const refused = envelope(OrderPlaced, 'order-8', { seq: 1 });
    await expect(transport.publish([refused])).rejects.toThrow(/did not confirm 1 of 1 events/);

    // What the relay does next: publish it again. The transport declares the exchange again.
    await consume(transport, { consumer: consumerName('after-refusal'), contracts: [OrderPlaced], handle: seen.handler() });
    await transport.publish([refused]);
    await waitFor(
      () => seen.handled.length >= 1,
      () => `handled ${seen.handled.length}`,
    );
    expect(seen.handled.map((event) => event.id)).toEqual([refused.id]);
  });

  it.runIf(kind === 'rabbitmq')('reports an unreachable broker as not ready', async () => {
    const transport = new RabbitMqEventTransport('amqp://guest:guest@127.0.0.1:1', logger, { firstConnectTimeoutMs: 1000 });
    await expect(transport.ready()).rejects.toThrow();
    await transport.close();
    await expect(createEventTransport('amqp://guest:guest@127.0.0.1:1', logger)).rejects.toThrow(/RabbitMQ is not reachable/);
  });
});
