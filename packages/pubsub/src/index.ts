import { MemoryPubSub } from './memory';
import { PostgresPubSub } from './postgres';
import { RedisPubSub } from './redis';
import type { PubSub } from './types';

export { MemoryPubSub, PostgresPubSub, RedisPubSub };
export type { Listener, PubSub } from './types';
export * from './topics';

/**
 * Picks the transport from a URL: `redis://` or `rediss://` -> Redis, `postgres://` or
 * `postgresql://` -> LISTEN/NOTIFY, `memory:` or nothing -> in process. Connects before returning.
 */
export async function createPubSub(url: string | undefined, channelPrefix = 'gametriggers:'): Promise<PubSub> {
  if (!url || url === 'memory:') return new MemoryPubSub();
  const scheme = new URL(url).protocol;
  if (scheme === 'redis:' || scheme === 'rediss:') {
    const pubsub = new RedisPubSub({ url, channelPrefix });
    await pubsub.connect();
    return pubsub;
  }
  if (scheme === 'postgres:' || scheme === 'postgresql:') {
    const pubsub = new PostgresPubSub(url, channelPrefix);
    await pubsub.connect();
    return pubsub;
  }
  throw new Error(`PUBSUB_URL ${scheme}// is not supported: use redis://, postgresql:// or memory:`);
}
