import { describe, expect, it } from 'vitest';
import { CampaignStatus } from '../generated/prisma/enums';
import { CAMPAIGN_TRANSITIONS, assertCampaignTransition, canTransitionCampaign } from './campaign-transitions';

/** The state machine as the product defines it, written out pair by pair. */
const LEGAL = new Set([
  'DRAFT>SUBMITTED',
  'DRAFT>CANCELLED',
  'SUBMITTED>IN_REVIEW',
  'SUBMITTED>DRAFT',
  'SUBMITTED>CANCELLED',
  'IN_REVIEW>APPROVED',
  'IN_REVIEW>REJECTED',
  'REJECTED>DRAFT',
  'APPROVED>SCHEDULED',
  'APPROVED>CANCELLED',
  'SCHEDULED>ACTIVE',
  'SCHEDULED>CANCELLED',
  'ACTIVE>PAUSED',
  'ACTIVE>COMPLETED',
  'ACTIVE>CANCELLED',
  'PAUSED>ACTIVE',
  'PAUSED>COMPLETED',
  'PAUSED>CANCELLED',
]);

const statuses = Object.values(CampaignStatus);

describe('campaign transition table', () => {
  it('has a row for every status', () => {
    expect(Object.keys(CAMPAIGN_TRANSITIONS).sort()).toEqual([...statuses].sort());
  });

  it.each(statuses.flatMap((from) => statuses.map((to) => [from, to] as const)))('%s -> %s', (from, to) => {
    const legal = LEGAL.has(`${from}>${to}`);
    expect(canTransitionCampaign(from, to)).toBe(legal);
    if (legal) expect(() => assertCampaignTransition(from, to)).not.toThrow();
    else
      expect(() => assertCampaignTransition(from, to)).toThrow(
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'to' } }),
      );
  });

  it('makes COMPLETED and CANCELLED final', () => {
    expect(CAMPAIGN_TRANSITIONS.COMPLETED).toEqual([]);
    expect(CAMPAIGN_TRANSITIONS.CANCELLED).toEqual([]);
  });
});
