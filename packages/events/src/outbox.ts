import type { EventContract, EventData, EventEnvelope } from './contract';
import { uuidv7 } from './uuid';

/** What the outbox needs of a database client: Prisma's (or a transaction's) raw execute. */
export interface SqlExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface WriteEventOptions<TContract extends EventContract> {
  /** The aggregate id the event is about; events of one subject are published in order. */
  subject: string;
  data: EventData<TContract>;
  /** Ties the events of one request or saga together. Default: the event's own id. */
  correlationId?: string;
}

/**
 * Writes an event to the producer's outbox in the caller's transaction, so it exists exactly
 * when the change that caused it is committed. The payload is checked against its contract first:
 * a producer cannot emit an event its consumers would reject.
 */
export async function writeEvent<TContract extends EventContract>(
  tx: SqlExecutor,
  contract: TContract,
  options: WriteEventOptions<TContract>,
): Promise<EventEnvelope<EventData<TContract>>> {
  const data = contract.schema.parse(options.data) as EventData<TContract>;
  const id = uuidv7();
  const envelope: EventEnvelope<EventData<TContract>> = {
    specversion: '1.0',
    id,
    source: `/subgraphs/${contract.source}`,
    type: contract.type,
    dataversion: contract.version,
    subject: options.subject,
    time: new Date().toISOString(),
    correlationid: options.correlationId ?? id,
    datacontenttype: 'application/json',
    data,
  };
  await tx.$executeRawUnsafe(
    'INSERT INTO "OutboxEvent" ("id", "type", "subject", "envelope") VALUES ($1::uuid, $2, $3, $4::jsonb)',
    id,
    contract.type,
    options.subject,
    JSON.stringify(envelope),
  );
  return envelope;
}
