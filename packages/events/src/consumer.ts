import type { EventContract, EventData, EventEnvelope } from './contract';
import type { SqlExecutor } from './outbox';
import { PermanentEventError } from './transport';
import type { ConsumerOptions } from './transport';

export type EventHandler<TTx, TContract extends EventContract> = (
  tx: TTx,
  data: EventData<TContract>,
  envelope: EventEnvelope,
) => Promise<void>;

interface HandlerEntry<TTx> {
  contract: EventContract;
  handle: EventHandler<TTx, EventContract>;
}

/** Pairs a contract with what the consumer does with its events. */
export function on<TTx, TContract extends EventContract>(contract: TContract, handle: EventHandler<TTx, TContract>): HandlerEntry<TTx> {
  return { contract, handle: handle as EventHandler<TTx, EventContract> };
}

/** What the inbox needs of a database: Prisma's interactive transactions. */
export interface TransactionalDb<TTx extends SqlExecutor> {
  $transaction<T>(work: (tx: TTx) => Promise<T>): Promise<T>;
}

/**
 * An idempotent consumer: each event's handler runs in one transaction of the consumer's own
 * database together with its "InboxEvent" row, so a redelivered event changes nothing twice and a
 * failed handler leaves nothing behind. Unknown types and payloads that break their contract are
 * dead-lettered with the reason instead of crashing or retrying forever.
 */
export function createConsumer<TTx extends SqlExecutor>(options: {
  consumer: string;
  db: TransactionalDb<TTx>;
  handlers: HandlerEntry<TTx>[];
  maxAttempts?: number;
}): ConsumerOptions {
  const byType = new Map(options.handlers.map((entry) => [entry.contract.type, entry]));
  return {
    consumer: options.consumer,
    contracts: options.handlers.map((entry) => entry.contract),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    handle: async (envelope) => {
      const entry = byType.get(envelope.type);
      if (!entry) throw new PermanentEventError(`${options.consumer} does not handle ${envelope.type}`);
      if (envelope.dataversion !== entry.contract.version) {
        throw new PermanentEventError(`${envelope.type} v${envelope.dataversion} is not v${entry.contract.version}`);
      }
      const parsed = entry.contract.schema.safeParse(envelope.data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new PermanentEventError(
          `invalid ${envelope.type} payload: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
        );
      }
      await options.db.$transaction(async (tx) => {
        const fresh = await tx.$executeRawUnsafe(
          'INSERT INTO "InboxEvent" ("consumer", "eventId", "type") VALUES ($1, $2::uuid, $3) ON CONFLICT DO NOTHING',
          options.consumer,
          envelope.id,
          envelope.type,
        );
        if (fresh) await entry.handle(tx, parsed.data, envelope);
      });
    },
  };
}
