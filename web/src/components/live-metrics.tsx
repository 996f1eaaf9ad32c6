'use client';

import { useEffect, useState } from 'react';
import { createClient } from 'graphql-ws';
import { print } from 'graphql';
import { loadCampaignMetrics } from '@/actions/campaign-metrics';
import { CampaignMetricsLiveDocument } from '@/gql/graphql';
import type { CampaignMetricsLiveSubscription, LiveMetricsFragment } from '@/gql/graphql';

export type LiveState = 'connecting' | 'live' | 'signed-out' | 'unavailable';

/** Thrown from connectionParams when this site has no session any more: not worth retrying. */
class SignedOut extends Error {}

/** The access token for the socket, from this site's /session/token (renewed there when near expiry). */
async function socketAuthorization(): Promise<{ authorization: string }> {
  const response = await fetch('/session/token', { cache: 'no-store', credentials: 'same-origin' });
  if (response.status === 401) throw new SignedOut('signed out');
  if (!response.ok) throw new Error(`/session/token answered HTTP ${response.status}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

/**
 * Metrics of some campaigns, kept current over the router's graphql-ws as deliveries are recorded.
 * The socket carries the viewer's access token in `connectionParams` (a function: when the token
 * expires the router closes with 4403 and the client reconnects with a fresh one); after a
 * reconnect the metrics are fetched again, since events sent meanwhile are not replayed.
 */
export function useLiveMetrics(
  initial: LiveMetricsFragment[],
  wsUrl: string,
): { metrics: Map<string, LiveMetricsFragment>; state: LiveState } {
  const [metrics, setMetrics] = useState(() => new Map(initial.map((item) => [item.campaignId, item])));
  const [state, setState] = useState<LiveState>('connecting');
  const ids = initial.map((item) => item.campaignId).join(',');
  useEffect(() => {
    const campaignIds = ids ? ids.split(',') : [];
    if (campaignIds.length === 0) return;
    const update = (items: LiveMetricsFragment[]) =>
      setMetrics((current) => {
        const next = new Map(current);
        for (const item of items) next.set(item.campaignId, item);
        return next;
      });
    let signedOut = false;
    const client = createClient({
      url: wsUrl,
      retryAttempts: 20,
      connectionParams: async () => {
        try {
          return await socketAuthorization();
        } catch (error) {
          if (error instanceof SignedOut) {
            signedOut = true;
            setState('signed-out');
          }
          throw error;
        }
      },
      shouldRetry: () => !signedOut,
    });
    const offConnected = client.on('connected', (_socket, _payload, wasRetry) => {
      setState('live');
      if (wasRetry) void loadCampaignMetrics(campaignIds).then(update, () => undefined);
    });
    const offClosed = client.on('closed', () => setState((current) => (current === 'signed-out' ? current : 'connecting')));
    const unsubscribes = campaignIds.map((campaignId) =>
      client.subscribe<CampaignMetricsLiveSubscription>(
        { query: print(CampaignMetricsLiveDocument), variables: { campaignId } },
        {
          next: (result) => {
            // Null with an error when the viewer may not see the campaign's metrics (any more).
            if (result.data?.campaignMetricsUpdated) update([result.data.campaignMetricsUpdated]);
            else if (result.errors?.length) setState('unavailable');
          },
          error: () => setState((current) => (current === 'signed-out' ? current : 'unavailable')),
          complete: () => undefined,
        },
      ),
    );
    return () => {
      offConnected();
      offClosed();
      for (const unsubscribe of unsubscribes) unsubscribe();
      void client.dispose();
    };
  }, [ids, wsUrl]);
  return { metrics, state };
}

const LABELS: Record<LiveState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  'signed-out': 'Signed out: sign in again for live updates',
  unavailable: 'Live updates unavailable',
};

/** The connection state, announced politely to screen readers. */
export function LiveBadge({ state }: { state: LiveState }) {
  return (
    <span role="status" className={state === 'live' ? 'live live-on' : 'live'}>
      {LABELS[state]}
    </span>
  );
}
