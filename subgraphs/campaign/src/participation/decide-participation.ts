import { BadUserInputError, CheckPendingError } from '@gametriggers/federation';
import type { Db } from '../db';
import { OPEN_FOR_APPLICATIONS } from '../campaign/campaign-transitions';
import { changeParticipationStatus } from './change-participation-status';

/**
 * The brand accepts or rejects an APPLIED participation. Accepting needs a campaign still open to
 * streamers and the conflict engine's check of the application (CHECK_PENDING until it answers;
 * a BLOCK has rejected it already).
 */
export async function decideParticipation(db: Db, id: string, accept: boolean) {
  return changeParticipationStatus(db, id, {
    to: accept ? 'ACCEPTED' : 'REJECTED',
    field: 'accept',
    decided: true,
    checkParticipation: (participation) => {
      if (accept && participation.checkDecision === null) {
        throw new CheckPendingError('The conflict check of this application has not answered yet; accept it once it has', 'accept');
      }
    },
    checkCampaign: (status) => {
      if (accept && !OPEN_FOR_APPLICATIONS.includes(status)) {
        throw new BadUserInputError('accept', `A ${status} campaign takes no more streamers`);
      }
    },
  });
}
