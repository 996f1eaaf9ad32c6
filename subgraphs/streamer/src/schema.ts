import { buildFederatedSchema } from '@gametriggers/federation';
import { CampaignEligibilityResolver } from './campaign/campaign.resolver';
import { CampaignReference } from './campaign/campaign.type';
import { StreamerResolver } from './streamer/streamer.resolver';
import { resolveStreamerReference } from './streamer/streamer.reference';

export const buildStreamerSchema = () =>
  buildFederatedSchema({
    resolvers: [StreamerResolver, CampaignEligibilityResolver],
    // Reachable from no root field: the router enters it by reference (_entities) only.
    orphanedTypes: [CampaignReference],
    references: { Streamer: resolveStreamerReference as never },
  });
