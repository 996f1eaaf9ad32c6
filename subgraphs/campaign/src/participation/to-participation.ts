import { Money } from '@gametriggers/federation';
import type { Participation as ParticipationRow } from '../generated/prisma/client';
import type { Participation } from './participation.type';

/** The GraphQL shape of a stored participation. */
export function toParticipation(row: ParticipationRow): Participation {
  return {
    id: row.id,
    campaignId: row.campaignId,
    streamer: { id: row.streamerId },
    status: row.status,
    earnings: Money.of(row.earningsMinor, row.currency),
    appliedAt: row.appliedAt,
    decidedAt: row.decidedAt,
    check: row.checkDecision && row.checkedAt ? { decision: row.checkDecision, notes: row.checkNotes, checkedAt: row.checkedAt } : null,
  };
}
