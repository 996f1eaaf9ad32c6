import { z } from 'zod';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl, dropDatabase, ensureDatabase } from '@gametriggers/prisma-tools';
import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createConsumer, on } from '../src/consumer';
import { defineEvent } from '../src/contract';
import type { EventEnvelope } from '../src/contract';
import { writeEvent } from '../src/outbox';
import type { SqlExecutor } from '../src/outbox';
import { PostgresEventTransport } from '../src/postgres-transport';
import { startOutboxRelay } from '../src/relay';
import type { OutboxRelay } from '../src/relay';
import type { EventTransport } from '../src/transport';
import { createEventsDatabase } from './pg-db';

const logger = pino({ level: 'silent' });
const ThingCounted = defineEvent({
  type: 'tests.thing.counted',
  version: 1,
  source: 'tests',
  description: 'a thing was counted',
  schema: z.object({ thingId: z.string(), by: z.number().int() }),
});

let producer: Awaited<ReturnType<typeof createEventsDatabase>>;
let consumerDb: Awaited<ReturnType<typeof createEventsDatabase>>;
let busUrl: string;
let transport: PostgresEventTransport;
const relays: OutboxRelay[] = [];
const stoppers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  producer = await createEventsDatabase('producer');
  consumerDb = await createEventsDatabase('consumer');
  busUrl = databaseUrl(inject('databaseServerUrl'), `test_events_bus_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(busUrl);
  transport = new PostgresEventTransport(busUrl, logger);
});
afterEach(async () => {
  await Promise.all(stoppers.splice(0).map((stop) => stop()));
  await Promise.all(relays.splice(0).map((relay) => relay.stop()));
});
afterAll(async () => {
  await transport.close();
  await producer.drop();
  await consumerDb.drop();
  await dropDatabase(busUrl);
});

/** Counts things in the consumer's database through its inbox, as a subgraph would. */
async function startCounting(consumer: string) {
  const running = await transport.consume(
    createConsumer({
      consumer,
      db: consumerDb.db,
      handlers: [
        on(ThingCounted, async (tx: SqlExecutor, data) => {
          await tx.$executeRawUnsafe(
            'INSERT INTO "Thing" ("id", "count") VALUES ($1, $2) ON CONFLICT ("id") DO UPDATE SET "count" = "Thing"."count" + $2',
            data.thingId,
            data.by,
          );
        }),
      ],
    }),
  );
  stoppers.push(() => running.stop());
}

const countOf = async (thingId: string) =>
  Number((await consumerDb.pool.query('SELECT "count" FROM "Thing" WHERE "id" = $1', [thingId])).rows[0]?.count ?? 0);

async function until(check: () => Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function relay(over: EventTransport = transport) {
  const started = startOutboxRelay({ connectionString: producer.url, transport: over, logger, pollIntervalMs: 200 });
  relays.push(started);
  return started;
}

/** The transport with another publish (the rest inherited). */
const wrapPublish = (publish: (envelopes: EventEnvelope[]) => Promise<void>): EventTransport =>
  Object.assign(Object.create(transport) as EventTransport, { publish });

const count = (thingId: string, by = 1) =>
  producer.db.$transaction((tx) => writeEvent(tx, ThingCounted, { subject: thingId, data: { thingId, by } }));

describe('transactional outbox', () => {
  it('publishes a committed event and the consumer applies it once', async () => {
    await startCounting('counter-a');
    relay();
    await count('a1', 3);
    await until(async () => (await countOf('a1')) === 3);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    await startCounting('counter-b');
    const started = relay();
    await expect(
      producer.db.$transaction(async (tx) => {
        await writeEvent(tx, ThingCounted, { subject: 'b1', data: { thingId: 'b1', by: 1 } });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    await count('b2');
    await until(async () => (await countOf('b2')) === 1);
    await started.drain();
    expect(await countOf('b1')).toBe(0);
    expect(Number((await producer.pool.query(`SELECT count(*) FROM "OutboxEvent" WHERE "subject" = 'b1'`)).rows[0].count)).toBe(0);
  });

  it('refuses to write a payload that breaks its contract, and the transaction with it', async () => {
    await expect(
      producer.db.$transaction((tx) => writeEvent(tx, ThingCounted, { subject: 'x', data: { thingId: 'x', by: 1.5 } as never })),
    ).rejects.toThrow();
  });

  it('delivers events committed while no relay ran (process died before publishing)', async () => {
    await startCounting('counter-c');
    await count('c1', 2);
    await count('c1', 5);
    relay();
    await until(async () => (await countOf('c1')) === 7);
  });

  it('publishes again after a crash between publish and mark, and the inbox applies it once', async () => {
    await startCounting('counter-d');
    let crashes = 1;
    const crashing = wrapPublish(async (envelopes) => {
      await transport.publish(envelopes);
      if (crashes-- > 0) throw new Error('relay died after the broker confirmed');
    });
    relay(crashing);
    await count('d1', 4);
    await until(async () => (await countOf('d1')) === 4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await countOf('d1')).toBe(4);
    const inbox = await consumerDb.pool.query(`SELECT count(*) FROM "InboxEvent" WHERE "consumer" = 'counter-d'`);
    expect(Number(inbox.rows[0].count)).toBe(1);
  });

  it('lets one of several relays publish, in commit order per subject', async () => {
    const seen: EventEnvelope[] = [];
    const recording = wrapPublish(async (envelopes) => {
      seen.push(...envelopes);
      await transport.publish(envelopes);
    });
    relay(recording);
    relay(recording);
    relay(recording);
    for (let i = 1; i <= 50; i += 1) await count('e1', i);
    await until(async () => seen.filter((envelope) => envelope.subject === 'e1').length >= 50);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const bys = seen.filter((envelope) => envelope.subject === 'e1').map((envelope) => (envelope.data as { by: number }).by);
    expect(bys).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('applies an event delivered twice, even concurrently, once (the inbox)', async () => {
    const options = createConsumer({
      consumer: 'counter-g',
      db: consumerDb.db,
      handlers: [
        on(ThingCounted, async (tx: SqlExecutor, data) => {
          await tx.$executeRawUnsafe(
            'INSERT INTO "Thing" ("id", "count") VALUES ($1, $2) ON CONFLICT ("id") DO UPDATE SET "count" = "Thing"."count" + $2',
            data.thingId,
            data.by,
          );
        }),
      ],
    });
    const envelope = await count('g1', 6);
    await Promise.all([options.handle(envelope), options.handle(envelope), options.handle(envelope)]);
    await options.handle(envelope);
    expect(await countOf('g1')).toBe(6);
  });

  it('dead-letters an event whose payload breaks the contract, with the reason', async () => {
    await startCounting('counter-f');
    await transport.publish([
      {
        specversion: '1.0',
        id: '01930000-0000-7000-8000-0000000ff001',
        source: '/subgraphs/tests',
        type: ThingCounted.type,
        dataversion: 1,
        subject: 'f1',
        time: new Date().toISOString(),
        correlationid: '01930000-0000-7000-8000-0000000ff001',
        datacontenttype: 'application/json',
        data: { thingId: 'f1', by: 'many' },
      },
    ]);
    await until(async () => (await transport.deadLetters('counter-f')).length === 1);
    const [dead] = await transport.deadLetters('counter-f');
    expect(dead!.reason).toMatch(/invalid tests\.thing\.counted payload: by/);
    expect(await countOf('f1')).toBe(0);
  });
});
