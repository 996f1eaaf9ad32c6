import { topics } from '@gametriggers/pubsub';
import type { CampaignMetricsUpdatedEvent } from '@gametriggers/pubsub';
import type { Context } from '../context';

/**
 * Tells the router's subscriptions that the campaign's totals changed. Called after the commit, so a
 * subscriber that reacts at once reads the new totals. A lost live event is not worth failing a
 * recorded delivery for: the next one carries the totals anyway.
 */
export async function publishMetricsUpdated(ctx: Pick<Context, 'publish' | 'logger'>, campaignId: string): Promise<void> {
  const event: CampaignMetricsUpdatedEvent = { campaignId };
  try {
    await ctx.publish?.(topics.campaignMetricsUpdated(campaignId), event);
  } catch (error) {
    ctx.logger.warn({ err: error, campaignId }, 'could not publish campaign metrics update');
  }
}
