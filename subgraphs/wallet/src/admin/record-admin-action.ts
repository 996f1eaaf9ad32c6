import type { Tx } from '../ledger/post-ledger-transaction';

export interface AdminActionRecord {
  /** `ADMIN:<account id>` (actorOf). */
  actor: string;
  /** What was done, e.g. `withdrawal.approve`, `transaction.reverse`, `reconciliation.run`. */
  action: string;
  targetType: string;
  targetId: string;
  details?: Record<string, unknown>;
}

/** Records who did what to which record, when, in the transaction of the action itself (append-only table). */
export async function recordAdminAction(tx: Tx, record: AdminActionRecord): Promise<void> {
  const details = record.details
    ? (JSON.parse(
        JSON.stringify(record.details, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
      ) as object)
    : undefined;
  await tx.adminAction.create({
    data: {
      actor: record.actor,
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId,
      ...(details ? { details } : {}),
    },
  });
}
