'use server';

import { CampaignMetricsNowDocument } from '@/gql/graphql';
import type { LiveMetricsFragment } from '@/gql/graphql';
import { callRouter } from '@/lib/graphql';
import { clientHeaders, currentSession } from '@/lib/session/session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The current metrics of campaigns, as the signed-in viewer: for live panels catching up after their
 * socket reconnected (events sent while it was down are not replayed). Campaigns the viewer may not
 * see are left out.
 */
export async function loadCampaignMetrics(campaignIds: string[]): Promise<LiveMetricsFragment[]> {
  const ids = Array.isArray(campaignIds) ? campaignIds.filter((id) => typeof id === 'string' && UUID.test(id)).slice(0, 50) : [];
  const session = await currentSession();
  if (!session) return [];
  const client = await clientHeaders();
  const results = await Promise.all(
    ids.map((campaignId) => callRouter(CampaignMetricsNowDocument, { campaignId }, { accessToken: session.accessToken, client })),
  );
  return results.flatMap((result) => (result.data?.campaignMetrics ? [result.data.campaignMetrics] : []));
}
