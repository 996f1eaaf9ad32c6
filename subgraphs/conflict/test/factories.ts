import { randomBytes } from 'node:crypto';

export const RULE_FIELDS = `id name description type severity priority enabled
  conditions { competingCategories exclusiveBrand { id } platform minimumOverlapMinutes } createdAt updatedAt`;
export const FACTS_FIELDS = `campaignId brandId categories platforms startsAt endsAt streamerIds updatedAt`;

export const CREATE_RULE = `mutation($input: CreateConflictRuleInput!) { createConflictRule(input: $input) { ${RULE_FIELDS} } }`;
export const RECORD_FACTS = `mutation($input: CampaignFactsInput!) { recordCampaignFacts(input: $input) { ${FACTS_FIELDS} } }`;
export const CONFLICTS = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Campaign { id conflicts { severity reason conflictingCampaign { id } rule { id name type priority } } } } }`;

export const id = () => crypto.randomUUID();
/** A category slug no other test uses, so rules made by one test never match another's campaigns. */
export const category = (prefix = 'cat') => `${prefix}-${randomBytes(4).toString('hex')}`;

let ruleNumber = 0;
/** A valid CreateConflictRuleInput (TIME_OVERLAP unless overridden), with a unique name. */
export function ruleInput(overrides: Record<string, unknown> = {}) {
  ruleNumber += 1;
  return {
    name: `Rule ${ruleNumber} ${randomBytes(3).toString('hex')}`,
    description: 'Keeps sponsorships fair.',
    type: 'TIME_OVERLAP',
    severity: 'BLOCK',
    priority: 10,
    conditions: { minimumOverlapMinutes: 30 },
    ...overrides,
  };
}

/** Valid facts of a campaign (fresh ids, one TWITCH streamer, all of June 2027); override any field. */
export function factsInput(overrides: Record<string, unknown> = {}) {
  return {
    campaignId: id(),
    brandId: id(),
    categories: ['fps'],
    platforms: ['TWITCH'],
    startsAt: '2027-06-01T00:00:00.000Z',
    endsAt: '2027-07-01T00:00:00.000Z',
    streamerIds: [id()],
    ...overrides,
  };
}
