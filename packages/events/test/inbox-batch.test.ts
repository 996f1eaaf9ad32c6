import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumer, on } from '../src/consumer';
import type { InboxExecutor, TransactionalDb } from '../src/consumer';
import { defineEvent } from '../src/contract';
import type { EventEnvelope } from '../src/contract';
import type { SqlExecutor } from '../src/outbox';
import { createEventsDatabase } from './pg-db';

const ThingCounted = defineEvent({
  type: 'tests.thing.counted',
  version: 1,
  source: 'tests',
  description: 'a thing was counted',
  schema: z.object({ thingId: z.string(), by: z.number().int() }),
});

let database: Awaited<ReturnType<typeof createEventsDatabase>>;
beforeAll(async () => {
  database = await createEventsDatabase('inbox_batch');
});
afterAll(() => database.drop());

const envelopeOf = (thingId: string, by = 1): EventEnvelope => ({
  specversion: '1.0',
  id: randomUUID(),
  source: '/subgraphs/tests',
  type: ThingCounted.type,
  dataversion: 1,
  subject: thingId,
  time: new Date().toISOString(),
  correlationid: randomUUID(),
  datacontenttype: 'application/json',
  data: { thingId, by },
});

/** The test database, counting the transactions it commits. */
function countingDb() {
  const stats = { committed: 0 };
  const db: TransactionalDb<InboxExecutor> = {
    $transaction: async (work) => {
      const result = await database.db.$transaction(work);
      stats.committed += 1;
      return result;
    },
  };
  return { db, stats };
}

/** A consumer that counts things, and refuses (throws for) the thing named 'poison'. */
function counter(consumer: string, db: TransactionalDb<InboxExecutor>, maxBatch?: number) {
  return createConsumer({
    consumer,
    db,
    ...(maxBatch ? { maxBatch } : {}),
    handlers: [
      on(ThingCounted, async (tx: SqlExecutor, data) => {
        await tx.$executeRawUnsafe(
          'INSERT INTO "Thing" ("id", "count") VALUES ($1, $2) ON CONFLICT ("id") DO UPDATE SET "count" = "Thing"."count" + $2',
          data.thingId,
          data.by,
        );
        if (data.thingId.endsWith('poison')) throw new Error('this thing cannot be counted');
      }),
    ],
  });
}

const countOf = async (thingId: string) =>
  Number((await database.pool.query('SELECT "count" FROM "Thing" WHERE "id" = $1', [thingId])).rows[0]?.count ?? 0);
const inboxed = async (consumer: string) =>
  Number((await database.pool.query('SELECT count(*) FROM "InboxEvent" WHERE "consumer" = $1', [consumer])).rows[0].count);

describe('inbox transactions shared by events that arrive together', () => {
  it('handles 40 concurrent events of different subjects in far fewer commits, each once', async () => {
    const { db, stats } = countingDb();
    const consumer = counter('batch-a', db);
    const envelopes = Array.from({ length: 40 }, (_, i) => envelopeOf(`a-${i}`, i + 1));
    await Promise.all(envelopes.map((envelope) => consumer.handle(envelope)));
    expect(stats.committed).toBeLessThanOrEqual(3); // the first alone, then the rest together
    for (const [i, envelope] of envelopes.entries()) expect(await countOf(envelope.subject)).toBe(i + 1);
    expect(await inboxed('batch-a')).toBe(40);
    // Delivered again, concurrently: nothing changes.
    await Promise.all(envelopes.map((envelope) => consumer.handle(envelope)));
    expect(await countOf('a-39')).toBe(40);
    expect(await inboxed('batch-a')).toBe(40);
  });

  it('commits each event alone when batching is off', async () => {
    const { db, stats } = countingDb();
    const consumer = counter('batch-b', db, 1);
    await Promise.all(Array.from({ length: 10 }, (_, i) => consumer.handle(envelopeOf(`b-${i}`))));
    expect(stats.committed).toBe(10);
  });

  it('fails a poison event alone: the others of its batch are kept, it leaves nothing and can be retried', async () => {
    const consumer = counter('batch-c', database.db);
    const good = Array.from({ length: 12 }, (_, i) => envelopeOf(`c-${i}`, 2));
    const poison = envelopeOf('c-poison', 5);
    const outcomes = await Promise.allSettled([...good.slice(0, 6), poison, ...good.slice(6)].map((envelope) => consumer.handle(envelope)));
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([
      { status: 'rejected', reason: expect.objectContaining({ message: 'this thing cannot be counted' }) },
    ]);
    for (const envelope of good) expect(await countOf(envelope.subject)).toBe(2);
    expect(await countOf('c-poison')).toBe(0); // its write was rolled back with it
    expect(await inboxed('batch-c')).toBe(12); // not marked handled: a redelivery runs it again
    await expect(consumer.handle(poison)).rejects.toThrow('this thing cannot be counted');
  });

  it('keeps a subject’s events in order when they are handed over one after the other', async () => {
    const seen: number[] = [];
    const consumer = createConsumer({
      consumer: 'batch-d',
      db: database.db,
      handlers: [
        on(ThingCounted, async (_tx: SqlExecutor, data) => {
          if (data.thingId === 'd') seen.push(data.by);
        }),
      ],
    });
    // Other subjects' events keep the batches full while d's arrive one after the other, as a transport hands them over.
    const noise = Promise.all(Array.from({ length: 200 }, (_, i) => consumer.handle(envelopeOf(`d-noise-${i}`))));
    for (let by = 1; by <= 20; by += 1) await consumer.handle(envelopeOf('d', by));
    await noise;
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
