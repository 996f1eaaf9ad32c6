import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createPubSub } from '../src/index';
import type { PubSub } from '../src/index';

const redisUrl = process.env['TEST_REDIS_URL'];

/** Resolves with the next `count` payloads on `topic`, or rejects after `ms`. */
function collect(pubsub: PubSub, topic: string, count: number, ms = 3000) {
  const received: unknown[] = [];
  let resolveAll: (value: unknown[]) => void;
  const done = new Promise<unknown[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`received ${received.length}/${count} on ${topic}`)), ms);
    resolveAll = (value) => {
      clearTimeout(timer);
      resolve(value);
    };
  });
  const unsubscribe = pubsub.subscribe(topic, (payload) => {
    received.push(payload);
    if (received.length === count) resolveAll(received);
  });
  return { done, unsubscribe, received };
}

const implementations: [string, () => string | undefined][] = [
  ['memory', () => 'memory:'],
  ['postgres LISTEN/NOTIFY', () => inject('databaseServerUrl')],
  ...(redisUrl ? ([['redis', () => redisUrl]] as [string, () => string][]) : []),
];

describe.each(implementations)('%s pub/sub', (_name, url) => {
  const opened: PubSub[] = [];
  let prefix = `test-${randomUUID()}:`;
  beforeEach(() => {
    prefix = `test-${randomUUID()}:`;
  });
  const open = async () => {
    const pubsub = await createPubSub(url(), prefix);
    opened.push(pubsub);
    return pubsub;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((pubsub) => pubsub.close()));
  });

  it('delivers a payload to every subscriber of its topic, and not to other topics', async () => {
    const pubsub = await open();
    const a = collect(pubsub, 'campaign:1', 2);
    const b = collect(pubsub, 'campaign:1', 2);
    const other: unknown[] = [];
    await pubsub.subscribe('campaign:2', (payload) => other.push(payload));
    await a.unsubscribe;
    await b.unsubscribe;
    await pubsub.publish('campaign:1', { n: 1 });
    await pubsub.publish('campaign:1', { n: 2 });
    expect(await a.done).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await b.done).toEqual([{ n: 1 }, { n: 2 }]);
    expect(other).toEqual([]);
  });

  it('stops delivering after unsubscribe', async () => {
    const pubsub = await open();
    const received: unknown[] = [];
    const unsubscribe = await pubsub.subscribe('t', (payload) => received.push(payload));
    await unsubscribe();
    const witness = collect(pubsub, 't', 1);
    await witness.unsubscribe;
    await pubsub.publish('t', { late: true });
    await witness.done;
    expect(received).toEqual([]);
  });

  if (url() !== 'memory:') {
    it('carries events between separate instances (processes) on the same server', async () => {
      const publisher = await open();
      const subscriberA = await open();
      const subscriberB = await open();
      const a = collect(subscriberA, 'shared', 1);
      const b = collect(subscriberB, 'shared', 1);
      await a.unsubscribe;
      await b.unsubscribe;
      await publisher.publish('shared', { campaignId: 'c1' });
      expect(await a.done).toEqual([{ campaignId: 'c1' }]);
      expect(await b.done).toEqual([{ campaignId: 'c1' }]);
    });
  }
});

describe('createPubSub', () => {
  it('fails with a sentence when the server is unreachable', async () => {
    await expect(createPubSub('redis://127.0.0.1:1')).rejects.toThrow(/Redis is not reachable/);
    await expect(createPubSub('postgresql://postgres@127.0.0.1:1/postgres')).rejects.toThrow(/PostgreSQL pub\/sub is not reachable/);
  });

  it('rejects an unsupported scheme', async () => {
    await expect(createPubSub('kafka://localhost')).rejects.toThrow(/not supported/);
  });
});
