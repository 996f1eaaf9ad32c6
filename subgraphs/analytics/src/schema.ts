import { buildFederatedSchema } from '@gametriggers/federation';
import { CampaignMetricsFieldResolver } from './campaign/campaign.resolver';
import { resolveCampaignMetricsReference } from './metrics/campaign-metrics.reference';
import { CampaignMetricsResolver } from './metrics/campaign-metrics.resolver';
import { AnalyticsSubscription } from './metrics/campaign-metrics.subscription';
import { StreamerMetricsResolver } from './streamer/streamer.resolver';

export const buildAnalyticsSchema = () =>
  buildFederatedSchema({
    resolvers: [CampaignMetricsResolver, CampaignMetricsFieldResolver, StreamerMetricsResolver],
    orphanedTypes: [AnalyticsSubscription],
    references: { CampaignMetrics: resolveCampaignMetricsReference as never },
  });
