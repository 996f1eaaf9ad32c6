import { BadUserInputError } from '@gametriggers/federation';
import type { ParticipationStatus } from '../generated/prisma/enums';

/** The participation state machine: from each status, the statuses it may move to. */
export const PARTICIPATION_TRANSITIONS: Readonly<Record<ParticipationStatus, readonly ParticipationStatus[]>> = {
  APPLIED: ['ACCEPTED', 'REJECTED', 'WITHDRAWN'],
  ACCEPTED: ['WITHDRAWN', 'COMPLETED'],
  REJECTED: [],
  WITHDRAWN: [],
  COMPLETED: [],
};

/** Throws BAD_USER_INPUT on `field` unless `from -> to` is in the table. */
export function assertParticipationTransition(from: ParticipationStatus, to: ParticipationStatus, field: string): void {
  if (PARTICIPATION_TRANSITIONS[from].includes(to)) return;
  throw new BadUserInputError(field, `A ${from} participation cannot become ${to}`);
}
