import { randomUUID } from 'node:crypto';
import type { AsyncMessage, Channel, Envelope, Publisher, ReturnedMessage, SyncMessage } from 'rabbitmq-client';
import type { EventEnvelope } from './contract';
import { PermanentEventError } from './transport';
import type { DeadLetter } from './transport';

// Names, headers and message helpers of the RabbitMQ transport (rabbitmq-transport.ts).

/** How long close() waits for the connection to close cleanly. */
export const CLOSE_TIMEOUT_MS = 3000;

/** Failed deliveries so far; absent on a fresh (or replayed) event. */
export const ATTEMPTS = 'x-gametriggers-attempts';
export const REASON = 'x-gametriggers-reason';
export const DEAD_AT = 'x-gametriggers-dead-at';
/** Ties a mandatory publish to a basic.return, so an unroutable copy is an error, not a loss. */
export const PUBLISH_ID = 'x-gametriggers-publish-id';

export const exchangeOf = (source: string) => `gametriggers.${source}`;
export const queuesOf = (consumer: string) => ({
  main: `gametriggers.${consumer}`,
  retry: `gametriggers.${consumer}.retry`,
  dead: `gametriggers.${consumer}.dead`,
});
export const retryQueueDeclaration = (consumer: string) => {
  const queues = queuesOf(consumer);
  // Expired retries go back to the consumer's queue through the default exchange.
  return { queue: queues.retry, durable: true, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': queues.main } };
};

/** The body as the bytes we publish: the client hands us parsed JSON when it can. */
export function bodyBytes(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
}

export function envelopeOf(message: AsyncMessage | SyncMessage): EventEnvelope {
  const body: unknown = Buffer.isBuffer(message.body) || typeof message.body === 'string' ? JSON.parse(String(message.body)) : message.body;
  if (
    !body ||
    typeof body !== 'object' ||
    typeof (body as EventEnvelope).id !== 'string' ||
    typeof (body as EventEnvelope).type !== 'string'
  ) {
    throw new PermanentEventError('message body is not an event envelope');
  }
  return body as EventEnvelope;
}

export const isNotFound = (error: unknown) => (error as { code?: string }).code === 'NOT_FOUND';

/** A confirming publisher whose mandatory messages fail when the broker returns them unroutable. */
export class ConfirmedForwarder {
  private readonly returned = new Set<string>();

  constructor(private readonly publisher: Publisher) {
    publisher.on('basic.return', (message: ReturnedMessage) => this.returned.add(String(message.headers?.[PUBLISH_ID])));
  }

  async send(envelope: Envelope, body: unknown): Promise<void> {
    const publishId = randomUUID();
    await this.publisher.send({ ...envelope, mandatory: true, headers: { ...envelope.headers, [PUBLISH_ID]: publishId } }, bodyBytes(body));
    // The broker sends basic.return before the confirm of the same message.
    if (this.returned.delete(publishId)) throw new Error(`queue ${envelope.routingKey} does not exist; message left on its queue`);
  }

  close(): Promise<void> {
    return this.publisher.close().catch(() => {});
  }
}

export async function queueExists(channel: Channel, queue: string): Promise<boolean> {
  try {
    await channel.queueDeclare({ queue, passive: true });
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

export function deadLetterOf(message: SyncMessage): DeadLetter {
  let envelope: EventEnvelope;
  try {
    envelope = envelopeOf(message);
  } catch {
    // Not ours to judge here: show what arrived rather than hide it.
    envelope = { id: message.messageId ?? '', type: message.type ?? '', data: String(bodyBytes(message.body)) } as EventEnvelope;
  }
  return {
    eventId: message.messageId ?? envelope.id,
    type: envelope.type,
    reason: String(message.headers?.[REASON] ?? 'unknown'),
    attempts: Number(message.headers?.[ATTEMPTS] ?? 0),
    envelope,
  };
}
