import { buildFederatedSchema } from '@gametriggers/federation';
import { BrandFactsResolver } from './brand-facts/brand-facts.resolver';
import { CampaignConflictsResolver } from './campaign/campaign.resolver';
import { CampaignReference } from './campaign/campaign.type';
import { CampaignFactsResolver } from './campaign-facts/campaign-facts.resolver';
import { CategoryResolver } from './category/category.resolver';
import { resolveConflictRuleReference } from './conflict-rule/conflict-rule.reference';
import { ConflictRuleResolver } from './conflict-rule/conflict-rule.resolver';
import { ConflictEvaluationResolver } from './evaluation/evaluation.resolver';
import { StreamerFactsResolver } from './streamer-facts/streamer-facts.resolver';
import { StreamerReference } from './streamer/streamer.type';

export const buildConflictSchema = () =>
  buildFederatedSchema({
    resolvers: [
      ConflictRuleResolver,
      ConflictEvaluationResolver,
      CampaignFactsResolver,
      CampaignConflictsResolver,
      CategoryResolver,
      BrandFactsResolver,
      StreamerFactsResolver,
    ],
    // No query returns a Campaign here: the router reaches it through `_entities`, so it must be listed.
    orphanedTypes: [CampaignReference, StreamerReference],
    references: { ConflictRule: resolveConflictRuleReference as never },
  });
