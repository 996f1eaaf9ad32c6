import { Redis } from 'ioredis';
import { ListenerRegistry } from './types';
import type { Listener, PubSub } from './types';

export interface RedisPubSubOptions {
  url: string;
  /** Prepended to every channel so several deployments can share one Redis. Required. */
  channelPrefix: string;
}

/**
 * Redis pub/sub with separate publisher and subscriber connections (a subscribed connection
 * cannot publish). One Redis SUBSCRIBE per topic, however many local listeners it has.
 */
export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly registry = new ListenerRegistry();
  private readonly prefix: string;
  private lastError: Error | undefined;

  constructor(options: RedisPubSubOptions) {
    if (!options.channelPrefix) throw new Error('RedisPubSub needs a channelPrefix');
    this.prefix = options.channelPrefix;
    const redisOptions = { lazyConnect: true, maxRetriesPerRequest: 3 };
    this.publisher = new Redis(options.url, redisOptions);
    this.subscriber = new Redis(options.url, redisOptions);
    // ioredis reconnects by itself; while it cannot, publish and subscribe reject, so the error
    // events themselves only need remembering for a readable failure at connect().
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => {
        this.lastError = error;
      });
    }
    this.subscriber.on('message', (channel: string, message: string) => {
      if (!channel.startsWith(this.prefix)) return;
      this.registry.dispatch(channel.slice(this.prefix.length), JSON.parse(message));
    });
  }

  /** Connects both clients; fails with a plain sentence when Redis is unreachable. */
  async connect(): Promise<void> {
    try {
      await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    } catch (error) {
      this.publisher.disconnect();
      this.subscriber.disconnect();
      throw new Error(`Redis is not reachable: ${(this.lastError ?? (error as Error)).message}`);
    }
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    await this.publisher.publish(this.prefix + topic, JSON.stringify(payload));
  }

  async subscribe(topic: string, listener: Listener): Promise<() => Promise<void>> {
    if (this.registry.add(topic, listener)) await this.subscriber.subscribe(this.prefix + topic);
    return async () => {
      if (this.registry.remove(topic, listener)) await this.subscriber.unsubscribe(this.prefix + topic);
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()]);
  }
}
