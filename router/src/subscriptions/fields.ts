import { topics } from '@gametriggers/pubsub';

/**
 * How each subscription field of the API schema is served: the pub/sub topic its events arrive on,
 * and the query field (same arguments, same return type) that the router runs through the gateway
 * for each event, so the payload can select fields owned by any subgraph.
 */
export interface SubscriptionFieldRoute {
  topic: (args: Record<string, unknown>) => string;
  queryField: string;
}

export const subscriptionRoutes: Record<string, SubscriptionFieldRoute> = {
  campaignMetricsUpdated: {
    topic: (args) => topics.campaignMetricsUpdated(String(args['campaignId'])),
    queryField: 'campaignMetrics',
  },
};
