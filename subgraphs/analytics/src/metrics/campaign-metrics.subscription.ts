import { Arg, Field, ID, ObjectType } from 'type-graphql';
import { CampaignMetrics } from './campaign-metrics.type';

/**
 * The root Subscription type, declared so the field composes into the supergraph (and codegen sees
 * it). It is a plain object type rather than a type-graphql `@Subscription`: those need a pubSub in
 * buildSchema even with a custom `subscribe`, and this subgraph never executes subscriptions. The
 * router serves them over graphql-ws: on each `topics.campaignMetricsUpdated(id)` event it runs the
 * selection as a `campaignMetrics(campaignId)` query through the gateway.
 */
@ObjectType('Subscription')
export class AnalyticsSubscription {
  @Field(() => CampaignMetrics, {
    nullable: true,
    description:
      "A campaign's metrics, pushed each time a delivery is recorded for it; for the campaign's brand and admins (others get null with the error). Served by the router over graphql-ws (it answers each event with the `campaignMetrics` query, as the subscriber); the analytics subgraph never executes it.",
  })
  campaignMetricsUpdated(@Arg('campaignId', () => ID) _campaignId: string): CampaignMetrics {
    throw new Error('campaignMetricsUpdated is served by the router over graphql-ws');
  }
}
