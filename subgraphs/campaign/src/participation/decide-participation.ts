import { BadUserInputError } from '@gametriggers/federation';
import type { Db } from '../db';
import { OPEN_FOR_APPLICATIONS } from '../campaign/campaign-transitions';
import { changeParticipationStatus } from './change-participation-status';

/** The brand accepts or rejects an APPLIED participation; accepting needs a campaign still open to streamers. */
export async function decideParticipation(db: Db, id: string, accept: boolean) {
  return changeParticipationStatus(db, id, {
    to: accept ? 'ACCEPTED' : 'REJECTED',
    field: 'accept',
    decided: true,
    checkCampaign: (status) => {
      if (accept && !OPEN_FOR_APPLICATIONS.includes(status)) {
        throw new BadUserInputError('accept', `A ${status} campaign takes no more streamers`);
      }
    },
  });
}
