import { BadUserInputError, NotFoundError, isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import type { KycCase as KycCaseRow, Prisma } from '../generated/prisma/client';
import type { KycStatus } from './kyc-enums';
import { effectiveStatus } from './kyc-rules';

/** One edge of the case state machine. */
export interface KycTransition {
  /** The mutation, for messages. */
  name: string;
  from: KycStatus[];
  to: KycStatus;
  /** A further condition than the status; returns why the case cannot move. */
  refuse?: (row: KycCaseRow) => string | undefined;
  /** Columns to change besides the status. */
  data: (row: KycCaseRow, now: Date) => Prisma.KycCaseUpdateManyMutationInput;
  /** Kept on the history event. */
  note: (row: KycCaseRow) => string | null;
  /** Runs in the transaction of the move with the moved case (e.g. writes its outbox event). */
  onMoved?: (tx: Prisma.TransactionClient, moved: KycCaseRow) => Promise<void>;
}

function assertAllowed(row: KycCaseRow, transition: KycTransition): void {
  const status = effectiveStatus(row);
  if (!transition.from.includes(status)) {
    throw new BadUserInputError('id', `KycCase ${row.id} is ${status}; ${transition.name} needs ${transition.from.join(' or ')}`);
  }
  const refusal = transition.refuse?.(row);
  if (refusal) throw new BadUserInputError('id', refusal);
}

/**
 * Moves a case along one edge, or fails with BAD_USER_INPUT on `id` naming its status. The write is
 * conditional on the state that was checked (status and attempts), so of concurrent transitions of
 * one case exactly one wins; the case and its history event change in one transaction.
 */
export async function transitionKycCase(db: Db, id: string, transition: KycTransition): Promise<KycCaseRow> {
  const row = isUuid(id) ? await db.kycCase.findUnique({ where: { id } }) : null;
  if (!row) throw new NotFoundError('KycCase', id);
  assertAllowed(row, transition);

  const now = new Date();
  const moved = await db.$transaction(async (tx) => {
    const { count } = await tx.kycCase.updateMany({
      where: { id, status: row.status, attempts: row.attempts },
      data: { ...transition.data(row, now), status: transition.to },
    });
    if (!count) return null;
    await tx.kycCaseEvent.create({
      data: { caseId: id, fromStatus: row.status, toStatus: transition.to, at: now, note: transition.note(row) },
    });
    const moved = await tx.kycCase.findUniqueOrThrow({ where: { id } });
    await transition.onMoved?.(tx, moved);
    return moved;
  });
  if (moved) return moved;

  // Another request moved the case between our read and our write: answer for the state it is in now.
  const latest = await db.kycCase.findUniqueOrThrow({ where: { id } });
  assertAllowed(latest, transition);
  throw new BadUserInputError('id', `KycCase ${id} changed while ${transition.name} ran and is now ${effectiveStatus(latest)}; try again`);
}
