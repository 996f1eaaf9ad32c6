import type { EventContract, EventData, EventEnvelope } from './contract';
import type { SqlExecutor } from './outbox';
import { PermanentEventError } from './transport';
import type { ConsumerOptions } from './transport';

/**
 * What a consumer does with one event, in its inbox transaction. It may return a follow-up that runs
 * only once that transaction has committed, outside it (e.g. notifying live subscribers): best
 * effort, at most once per handling, never for an event whose effects were rolled back.
 */
export type EventHandler<TTx, TContract extends EventContract> = (
  tx: TTx,
  data: EventData<TContract>,
  envelope: EventEnvelope,
) => Promise<void | AfterCommit>;

export type AfterCommit = () => Promise<void> | void;

interface HandlerEntry<TTx> {
  contract: EventContract;
  handle: EventHandler<TTx, EventContract>;
}

/** Pairs a contract with what the consumer does with its events. */
export function on<TTx, TContract extends EventContract>(contract: TContract, handle: EventHandler<TTx, TContract>): HandlerEntry<TTx> {
  return { contract, handle: handle as EventHandler<TTx, EventContract> };
}

/** What the inbox needs of a transaction: Prisma's raw execute and raw query. */
export interface InboxExecutor extends SqlExecutor {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** What the inbox needs of a database: Prisma's interactive transactions. */
export interface TransactionalDb<TTx extends SqlExecutor> {
  $transaction<T>(work: (tx: TTx) => Promise<T>): Promise<T>;
}

/** One validated event waiting for its inbox transaction. */
interface InboxItem<TTx> {
  envelope: EventEnvelope;
  data: unknown;
  handle: EventHandler<TTx, EventContract>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Events handled in one inbox transaction at most. */
export const DEFAULT_INBOX_BATCH = 64;
/** Inbox transactions of one consumer in progress at once (each on a connection of its own). */
export const DEFAULT_INBOX_TRANSACTIONS = 2;

/**
 * An idempotent consumer: each event's handler runs in a transaction of the consumer's own
 * database together with its "InboxEvent" row, so a redelivered event changes nothing twice and a
 * failed handler leaves nothing behind. Unknown types and payloads that break their contract are
 * dead-lettered with the reason instead of crashing or retrying forever.
 *
 * Events that arrive while an inbox transaction is committing wait and then share the next one (at
 * most `maxBatch`): one commit for many events, which is what keeps a busy consumer's throughput
 * near the broker's. The transport hands over the next event of a subject only once the previous
 * one is settled, so a batch never holds two events of one subject out of order. If a batch fails
 * (one handler throws, a deadlock, a lost connection), nothing of it is kept and each of its events
 * runs again in a transaction of its own, so one bad event fails alone and the others go through.
 * Handlers must therefore keep their effects inside the transaction they are given.
 */
export function createConsumer<TTx extends InboxExecutor>(options: {
  consumer: string;
  db: TransactionalDb<TTx>;
  handlers: HandlerEntry<TTx>[];
  maxAttempts?: number;
  /** Events per inbox transaction at most. Default {@link DEFAULT_INBOX_BATCH}; 1 turns batching off. */
  maxBatch?: number;
  /** Inbox transactions in progress at once. Default {@link DEFAULT_INBOX_TRANSACTIONS}. */
  maxTransactions?: number;
}): ConsumerOptions {
  const byType = new Map(options.handlers.map((entry) => [entry.contract.type, entry]));
  const maxBatch = Math.max(1, options.maxBatch ?? DEFAULT_INBOX_BATCH);
  const maxTransactions = Math.max(1, options.maxTransactions ?? DEFAULT_INBOX_TRANSACTIONS);

  /**
   * The batch's inbox rows in one statement, then the handler of each event new to this consumer,
   * in order (an event delivered twice in one batch runs once).
   */
  const handleIn = async (tx: TTx, batch: InboxItem<TTx>[]) => {
    const fresh = await tx.$queryRawUnsafe<{ eventId: string }[]>(
      `INSERT INTO "InboxEvent" ("consumer", "eventId", "type")
       SELECT $1, event."id", event."type" FROM unnest($2::uuid[], $3::text[]) AS event ("id", "type")
       ON CONFLICT DO NOTHING RETURNING "eventId"::text AS "eventId"`,
      options.consumer,
      batch.map((item) => item.envelope.id),
      batch.map((item) => item.envelope.type),
    );
    const unhandled = new Set(fresh.map((row) => row.eventId.toLowerCase()));
    const followUps: AfterCommit[] = [];
    for (const item of batch) {
      if (!unhandled.delete(item.envelope.id.toLowerCase())) continue;
      const followUp = await item.handle(tx, item.data, item.envelope);
      if (followUp) followUps.push(followUp);
    }
    return followUps;
  };

  /** The follow-ups of a committed transaction; their failures change nothing that was committed. */
  const afterCommit = async (followUps: AfterCommit[]) => {
    for (const followUp of followUps)
      await Promise.resolve()
        .then(followUp)
        .catch(() => {});
  };

  const alone = async (item: InboxItem<TTx>) => {
    try {
      await afterCommit(await options.db.$transaction((tx) => handleIn(tx, [item])));
      item.resolve();
    } catch (error) {
      item.reject(error);
    }
  };

  const waiting: InboxItem<TTx>[] = [];
  let draining = 0;
  const drain = async () => {
    draining += 1;
    try {
      while (waiting.length) {
        const batch = waiting.splice(0, maxBatch);
        if (batch.length === 1) {
          await alone(batch[0]!);
          continue;
        }
        let followUps: AfterCommit[];
        try {
          followUps = await options.db.$transaction((tx) => handleIn(tx, batch));
        } catch {
          for (const item of batch) await alone(item);
          continue;
        }
        await afterCommit(followUps);
        for (const item of batch) item.resolve();
      }
    } finally {
      draining -= 1;
    }
  };

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
      await new Promise<void>((resolve, reject) => {
        waiting.push({ envelope, data: parsed.data, handle: entry.handle, resolve, reject });
        if (draining < maxTransactions) void drain();
      });
    },
  };
}
