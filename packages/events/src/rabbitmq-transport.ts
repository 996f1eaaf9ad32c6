import { randomUUID } from 'node:crypto';
import { Connection } from 'rabbitmq-client';
import type { AsyncMessage, Channel, Envelope, Publisher, ReturnedMessage } from 'rabbitmq-client';
import type { Logger } from 'pino';
import { sourceOf } from './contract';
import type { EventEnvelope } from './contract';
import { consumerStats } from './metrics';
import { PermanentEventError, defaultRetryDelay } from './transport';
import type { ConsumerOptions, DeadLetter, EventTransport, RunningConsumer } from './transport';
import {
  CLOSE_TIMEOUT_MS,
  ATTEMPTS,
  REASON,
  DEAD_AT,
  PUBLISH_ID,
  exchangeOf,
  queuesOf,
  retryQueueDeclaration,
  bodyBytes,
  envelopeOf,
  ConfirmedForwarder,
  queueExists,
  deadLetterOf,
} from './rabbitmq-messages';

/**
 * Unacknowledged deliveries per consumer, handled concurrently, except that the events of one
 * subject are handled one after the other in delivery order (see `consume`).
 */
export const DEFAULT_PREFETCH = 256;

export interface RabbitMqTransportOptions {
  /** Messages a consumer holds (and handles) at once. Default {@link DEFAULT_PREFETCH}. */
  prefetch?: number;
  /** How long `ready()` waits for the very first connection. Default 5000 ms. */
  firstConnectTimeoutMs?: number;
  /** How long a publish waits for a (re)connection before it rejects. Default 10000 ms. */
  acquireTimeoutMs?: number;
}

/**
 * RabbitMQ, on `rabbitmq-client` (reconnects by itself; its consumers and publishers re-declare
 * their topology and resubscribe on every new connection). A durable topic exchange per producing
 * subgraph, routing key = event type; a durable queue per consuming subgraph bound to the types it
 * handles; failures wait in `<queue>.retry` (per-message TTL, dead-lettered back) and end up in
 * `<queue>.dead` after maxAttempts. Every message this transport moves is publisher-confirmed
 * before the message it came from is acknowledged: at least once, never silently dropped.
 */
export class RabbitMqEventTransport implements EventTransport {
  readonly kind = 'rabbitmq' as const;
  private readonly connection: Connection;
  private readonly publisher: Publisher;
  private readonly prefetch: number;
  private readonly firstConnectTimeoutMs: number;
  private readonly declaredExchanges = new Set<string>();
  private readonly consumers = new Set<RunningConsumer>();
  private connectedOnce = false;
  private lastError: Error | undefined;

  constructor(
    url: string,
    private readonly logger: Logger,
    options: RabbitMqTransportOptions = {},
  ) {
    this.prefetch = options.prefetch ?? DEFAULT_PREFETCH;
    this.firstConnectTimeoutMs = options.firstConnectTimeoutMs ?? 5000;
    this.connection = new Connection({
      url,
      connectionName: `gametriggers events (pid ${process.pid})`,
      acquireTimeout: options.acquireTimeoutMs ?? 10_000,
      retryLow: 500,
      retryHigh: 15_000,
      // Without it Nagle's algorithm holds small frames (a publish, an ack) back until the previous
      // ones are acknowledged by TCP: tens of milliseconds per event at moderate rates.
      noDelay: true,
    });
    this.connection.on('connection', () => {
      if (this.connectedOnce) this.logger.info('RabbitMQ connection re-established');
      this.connectedOnce = true;
      this.lastError = undefined;
      // A broker that lost its definitions (new node) needs them again.
      this.declaredExchanges.clear();
    });
    this.connection.on('error', (error: Error) => {
      this.lastError = error;
      this.logger.warn({ err: error }, 'RabbitMQ connection error');
    });
    // No retries inside the client: a publish that fails rejects, and the outbox relay publishes
    // its whole batch again, in order (a partial resend could reorder a subject's events).
    this.publisher = this.connection.createPublisher({ confirm: true, maxAttempts: 1 });
  }

  async ready(): Promise<void> {
    if (this.connection.ready) return;
    if (this.connectedOnce) throw new Error(`RabbitMQ connection is down: ${this.lastError?.message ?? 'reconnecting'}`);
    await this.connection.onConnect(this.firstConnectTimeoutMs, true).catch((error: Error) => {
      throw new Error(this.lastError?.message ?? error.message);
    });
  }

  private async declareExchange(exchange: string): Promise<void> {
    if (this.declaredExchanges.has(exchange)) return;
    await this.connection.exchangeDeclare({ exchange, type: 'topic', durable: true });
    this.declaredExchanges.add(exchange);
  }

  async publish(envelopes: EventEnvelope[]): Promise<void> {
    if (!envelopes.length) return;
    for (const exchange of new Set(envelopes.map((envelope) => exchangeOf(sourceOf(envelope))))) await this.declareExchange(exchange);
    // All on one channel in one go, so the broker receives them in this order; then every confirm.
    const results = await Promise.allSettled(
      envelopes.map((envelope) =>
        this.publisher.send(
          {
            exchange: exchangeOf(sourceOf(envelope)),
            routingKey: envelope.type,
            durable: true,
            messageId: envelope.id,
            correlationId: envelope.correlationid,
            type: envelope.type,
            appId: sourceOf(envelope),
            contentType: 'application/json',
          },
          Buffer.from(JSON.stringify(envelope)),
        ),
      ),
    );
    const failures = results.filter((result) => result.status === 'rejected');
    if (failures.length) {
      this.declaredExchanges.clear(); // e.g. an exchange deleted under us: declare again on the retry
      const reason = (failures[0]!.reason as Error).message;
      throw new Error(`RabbitMQ did not confirm ${failures.length} of ${envelopes.length} events: ${reason}`);
    }
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    const queues = queuesOf(options.consumer);
    const maxAttempts = options.maxAttempts ?? 5;
    const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
    const deadDeclaration = { queue: queues.dead, durable: true };
    await this.connection.queueDeclare(retryQueueDeclaration(options.consumer));
    await this.connection.queueDeclare(deadDeclaration);
    // Its own confirming channel for retries and dead letters (re-declaring both queues on reconnect).
    const forwarder = new ConfirmedForwarder(
      this.connection.createPublisher({
        confirm: true,
        maxAttempts: 1,
        queues: [retryQueueDeclaration(options.consumer), deadDeclaration],
      }),
    );

    const stats = consumerStats(options.consumer);
    // Queue depth for the metrics, at scrape time: a passive declare answers with the ready count.
    const depth = async () => {
      const [main, retry, dead] = await Promise.all(
        [queues.main, queues.retry, queues.dead].map(
          async (queue) => (await this.connection.queueDeclare({ queue, passive: true })).messageCount,
        ),
      );
      return { main: main!, retry: retry!, dead: dead! };
    };

    const handle = async (message: AsyncMessage, envelope?: EventEnvelope) => {
      const attempt = Number(message.headers?.[ATTEMPTS] ?? 0) + 1;
      const log = { consumer: options.consumer, eventId: message.messageId, type: message.routingKey, attempt };
      try {
        await options.handle(envelope ?? envelopeOf(message));
        stats.handled += 1;
        return; // acknowledged by the client
      } catch (error) {
        const reason = ((error as Error)?.message ?? String(error)).slice(0, 1000);
        const base: Envelope = {
          exchange: '',
          durable: true,
          contentType: 'application/json',
          messageId: message.messageId,
          type: message.type,
        };
        if (error instanceof PermanentEventError || attempt >= maxAttempts) {
          this.logger.warn({ ...log, reason }, 'event dead-lettered');
          const headers = { [ATTEMPTS]: attempt, [REASON]: reason, [DEAD_AT]: new Date().toISOString() };
          await forwarder.send({ ...base, routingKey: queues.dead, headers }, message.body);
          stats.deadLettered += 1;
        } else {
          const delay = Math.max(0, Math.round(retryDelay(attempt)));
          this.logger.info({ ...log, reason, delay }, 'event handler failed; retrying later');
          await forwarder.send(
            { ...base, routingKey: queues.retry, expiration: String(delay), headers: { [ATTEMPTS]: attempt } },
            message.body,
          );
          stats.retried += 1;
        }
        // Only now is the original acknowledged. If the forward failed we threw instead: the client
        // requeues the original (or the broker does, when the channel is gone).
      }
    };

    // Up to `prefetch` deliveries are handled at once, but those of one subject run one after the
    // other, in delivery order: each waits for the previous one to be settled (handled, or forwarded
    // to the retry or dead-letter queue), exactly as with a prefetch of 1. If the previous one could
    // not be settled (it is requeued), the next ones of its subject are requeued after it, unhandled.
    const tails = new Map<string, Promise<void>>();
    const inSubjectOrder = (message: AsyncMessage): Promise<void> => {
      let envelope: EventEnvelope;
      try {
        envelope = envelopeOf(message);
      } catch {
        return handle(message); // dead-letters it
      }
      const subject = envelope.subject ?? envelope.id;
      const previous = tails.get(subject);
      const run = previous
        ? previous.then(
            () => handle(message, envelope),
            () => {
              throw new Error(`an earlier event of subject ${subject} was requeued; requeueing this one after it`);
            },
          )
        : handle(message, envelope);
      tails.set(subject, run);
      const forget = () => {
        if (tails.get(subject) === run) tails.delete(subject);
      };
      run.then(forget, forget);
      return run;
    };

    const exchanges = [...new Set(options.contracts.map((contract) => exchangeOf(contract.source)))];
    const consumer = this.connection.createConsumer(
      {
        queue: queues.main,
        queueOptions: { durable: true },
        qos: { prefetchCount: this.prefetch },
        concurrency: this.prefetch,
        requeue: true,
        exchanges: exchanges.map((exchange) => ({ exchange, type: 'topic', durable: true })),
        queueBindings: options.contracts.map((contract) => ({
          queue: queues.main,
          exchange: exchangeOf(contract.source),
          routingKey: contract.type,
        })),
      },
      inSubjectOrder,
    );
    consumer.on('error', (error: Error) => this.logger.warn({ err: error, consumer: options.consumer }, 'RabbitMQ consumer error'));
    await new Promise<void>((resolve, reject) => {
      const onReady = () => {
        consumer.off('error', onError);
        resolve();
      };
      const onError = (error: Error) => {
        consumer.off('ready', onReady);
        reject(error);
      };
      consumer.once('ready', onReady);
      consumer.once('error', onError);
    }).catch(async (error: Error) => {
      await consumer.close().catch(() => {});
      await forwarder.close();
      throw new Error(`cannot consume ${queues.main}: ${error.message}`);
    });

    stats.depth = depth;
    const running: RunningConsumer = {
      stop: async () => {
        if (stats.depth === depth) stats.depth = undefined;
        this.consumers.delete(running);
        await consumer.close(); // waits for the handlers in progress
        await forwarder.close();
      },
    };
    this.consumers.add(running);
    return running;
  }

  /** Runs `work` on a channel of its own, closed afterwards (which requeues what it left unacked). */
  private async withChannel<T>(work: (channel: Channel) => Promise<T>): Promise<T> {
    const channel = await this.connection.acquire();
    try {
      return await work(channel);
    } finally {
      await channel.close().catch(() => {});
    }
  }

  async deadLetters(consumer: string): Promise<DeadLetter[]> {
    const { dead } = queuesOf(consumer);
    return this.withChannel(async (channel) => {
      if (!(await queueExists(channel, dead))) return [];
      // Take every message without acknowledging it, then give them all back: a peek.
      const letters: DeadLetter[] = [];
      let lastTag: number | undefined;
      for (let message = await channel.basicGet({ queue: dead }); message; message = await channel.basicGet({ queue: dead })) {
        lastTag = message.deliveryTag;
        letters.push(deadLetterOf(message));
      }
      if (lastTag !== undefined) channel.basicNack({ deliveryTag: lastTag, multiple: true, requeue: true });
      return letters;
    });
  }

  async replayDeadLetters(consumer: string, eventIds?: string[]): Promise<number> {
    const queues = queuesOf(consumer);
    const wanted = eventIds && new Set(eventIds);
    return this.withChannel(async (channel) => {
      if (!(await queueExists(channel, queues.dead))) return 0;
      await channel.queueDeclare({ queue: queues.main, durable: true });
      await channel.confirmSelect();
      const returned = new Set<string>();
      channel.on('basic.return', (message: ReturnedMessage) => returned.add(String(message.headers?.[PUBLISH_ID])));
      let replayed = 0;
      let lastSkipped: number | undefined;
      for (
        let message = await channel.basicGet({ queue: queues.dead });
        message;
        message = await channel.basicGet({ queue: queues.dead })
      ) {
        const eventId = message.messageId ?? deadLetterOf(message).eventId;
        if (wanted && !wanted.has(eventId)) {
          lastSkipped = message.deliveryTag;
          continue;
        }
        // Back on the consumer's queue with no attempts header: a fresh start. Acknowledged (removed
        // from the dead letters) only once the broker confirmed the copy.
        const publishId = randomUUID();
        await channel.basicPublish(
          {
            exchange: '',
            routingKey: queues.main,
            mandatory: true,
            durable: true,
            contentType: 'application/json',
            messageId: eventId,
            ...(message.type ? { type: message.type } : {}),
            headers: { [PUBLISH_ID]: publishId },
          },
          bodyBytes(message.body),
        );
        if (returned.has(publishId)) throw new Error(`${queues.main} did not accept the replayed event ${eventId}`);
        channel.basicAck({ deliveryTag: message.deliveryTag });
        replayed += 1;
      }
      // Everything unacknowledged up to the last skipped one is exactly the skipped messages.
      if (lastSkipped !== undefined) channel.basicNack({ deliveryTag: lastSkipped, multiple: true, requeue: true });
      this.logger.info({ consumer, replayed }, 'dead letters replayed');
      return replayed;
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    await this.publisher.close().catch(() => {});
    // rabbitmq-client 5.0.8 can leave close() pending forever when the socket dies while it waits
    // for its channels (e.g. the broker closed a channel at the moment we did): the socket is gone
    // by then, so waiting longer achieves nothing.
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      this.connection.close().then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), CLOSE_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    if (!closed) {
      this.logger.warn('RabbitMQ connection did not close in time; destroying it');
      this.connection.unsafeDestroy();
    }
  }
}
