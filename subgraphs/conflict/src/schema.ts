import { buildFederatedSchema } from '@gametriggers/federation';
import { CampaignConflictsResolver } from './campaign/campaign.resolver';
import { CampaignReference } from './campaign/campaign.type';
import { CampaignFactsResolver } from './campaign-facts/campaign-facts.resolver';
import { resolveConflictRuleReference } from './conflict-rule/conflict-rule.reference';
import { ConflictRuleResolver } from './conflict-rule/conflict-rule.resolver';

export const buildConflictSchema = () =>
  buildFederatedSchema({
    resolvers: [ConflictRuleResolver, CampaignFactsResolver, CampaignConflictsResolver],
    // No query returns a Campaign here: the router reaches it through `_entities`, so it must be listed.
    orphanedTypes: [CampaignReference],
    references: { ConflictRule: resolveConflictRuleReference as never },
  });
