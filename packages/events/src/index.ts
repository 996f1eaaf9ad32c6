import type { Logger } from 'pino';
import { PostgresEventTransport } from './postgres-transport';
import type { EventTransport } from './transport';

export * from './catalog/index';
export * from './consumer';
export * from './contract';
export * from './jobs/index';
export * from './metrics';
export * from './outbox';
export * from './relay';
export * from './transport';
export { uuidv7 } from './uuid';
export { PostgresEventTransport };

/**
 * The transport for a URL: `amqp://` / `amqps://` -> RabbitMQ; `postgresql://` -> the embedded bus
 * in that database. Checks it is usable before returning.
 */
export async function createEventTransport(url: string, logger: Logger): Promise<EventTransport> {
  const scheme = new URL(url).protocol;
  let transport: EventTransport;
  if (scheme === 'amqp:' || scheme === 'amqps:') {
    const { RabbitMqEventTransport } = await import('./rabbitmq-transport');
    transport = new RabbitMqEventTransport(url, logger);
  } else if (scheme === 'postgres:' || scheme === 'postgresql:') {
    transport = new PostgresEventTransport(url, logger);
  } else {
    throw new Error(`EVENTS_URL ${scheme}// is not supported: use amqp:// or postgresql://`);
  }
  try {
    await transport.ready();
  } catch (error) {
    await transport.close().catch(() => {});
    const kind = transport.kind === 'rabbitmq' ? 'RabbitMQ' : 'The PostgreSQL event bus';
    throw new Error(`${kind} is not reachable: ${(error as Error).message}`);
  }
  return transport;
}
export * from './schema';
