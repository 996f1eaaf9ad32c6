import type { EventContract, EventEnvelope } from './contract';

/** A failure that retrying cannot fix (unknown type, invalid payload): dead-lettered at once. */
export class PermanentEventError extends Error {
  override readonly name = 'PermanentEventError';
}

export interface ConsumerOptions {
  /** The consuming subgraph; its queue is named after it. */
  consumer: string;
  /** The event types it receives (the queue's bindings). */
  contracts: EventContract[];
  /** Resolves when the event is handled (then acknowledged); throws to have it retried. */
  handle: (envelope: EventEnvelope) => Promise<void>;
  /** Deliveries before an event goes to the dead-letter queue. Default 5. */
  maxAttempts?: number;
  /** Delay before retry n (1-based). Default 200 ms doubling, at most 30 s. */
  retryDelayMs?: (attempt: number) => number;
}

export interface DeadLetter {
  eventId: string;
  type: string;
  reason: string;
  attempts: number;
  envelope: EventEnvelope;
}

export interface RunningConsumer {
  stop: () => Promise<void>;
}

/**
 * Moves events from producers' outbox relays to consumers, at least once, with retries and a
 * dead-letter queue. RabbitMQ in production; an embedded PostgreSQL bus when no broker is configured.
 */
export interface EventTransport {
  readonly kind: 'rabbitmq' | 'postgres';
  /** Resolves once the broker has accepted (confirmed) every event. */
  publish: (envelopes: EventEnvelope[]) => Promise<void>;
  consume: (options: ConsumerOptions) => Promise<RunningConsumer>;
  deadLetters: (consumer: string) => Promise<DeadLetter[]>;
  /** Puts dead-lettered events (all, or those ids) back on the consumer's queue; returns how many. */
  replayDeadLetters: (consumer: string, eventIds?: string[]) => Promise<number>;
  /** Throws when the broker cannot be used (readiness). */
  ready: () => Promise<void>;
  close: () => Promise<void>;
}

export const defaultRetryDelay = (attempt: number) => Math.min(200 * 2 ** (attempt - 1), 30_000);
