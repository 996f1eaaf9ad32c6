import pg from 'pg';
import { ListenerRegistry } from './types';
import type { Listener, PubSub } from './types';

const CHANNEL = 'gametriggers_pubsub';

/**
 * Pub/sub over PostgreSQL LISTEN/NOTIFY, for processes that share a database server but no Redis
 * (the embedded default run as separate processes). One channel; topics travel in the payload,
 * which PostgreSQL limits to 8000 bytes: events carry ids, not documents.
 */
export class PostgresPubSub implements PubSub {
  private readonly registry = new ListenerRegistry();
  private readonly listener: pg.Client;
  private readonly publisher: pg.Pool;

  /** `channelPrefix` namespaces topics, as with Redis, so deployments sharing a server stay apart. */
  constructor(
    connectionString: string,
    private readonly channelPrefix = '',
  ) {
    this.listener = new pg.Client({ connectionString });
    this.publisher = new pg.Pool({ connectionString, max: 2 });
    // Live events are best effort: a lost connection must not crash the process.
    this.publisher.on('error', () => {});
    this.listener.on('error', () => {});
    this.listener.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const { topic, payload } = JSON.parse(message.payload) as { topic: string; payload: unknown };
      if (topic.startsWith(this.channelPrefix)) this.registry.dispatch(topic.slice(this.channelPrefix.length), payload);
    });
  }

  async connect(): Promise<void> {
    try {
      await this.listener.connect();
      await this.listener.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      throw new Error(`PostgreSQL pub/sub is not reachable: ${(error as Error).message}`);
    }
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    await this.publisher.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ topic: this.channelPrefix + topic, payload })]);
  }

  async subscribe(topic: string, listener: Listener): Promise<() => Promise<void>> {
    this.registry.add(topic, listener);
    return async () => {
      this.registry.remove(topic, listener);
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.listener.end(), this.publisher.end()]);
  }
}
