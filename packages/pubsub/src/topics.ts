/**
 * The live topics of the graph: one place that says which channel carries which event,
 * used by publishers (subgraphs) and by the router's subscriptions.
 */
export const topics = {
  /** Published by analytics whenever a campaign's counters change. Payload: { campaignId }. */
  campaignMetricsUpdated: (campaignId: string) => `campaign-metrics:${campaignId}`,
} as const;

export interface CampaignMetricsUpdatedEvent {
  campaignId: string;
}
