'use client';

import { useEffect, useState } from 'react';
import { createClient } from 'graphql-ws';
import { print } from 'graphql';
import { CampaignMetricsLiveDocument } from '@/gql/graphql';
import type { LiveMetricsFragment } from '@/gql/graphql';
import { formatCount, formatMoney } from '@/lib/format';

/**
 * Campaign metrics that update as deliveries are recorded, over graphql-ws. `wsUrl` comes from the
 * server page (read there at request time), not from a build-time NEXT_PUBLIC_ variable.
 */
export function LiveMetricsPanel({ campaignId, initial, wsUrl }: { campaignId: string; initial: LiveMetricsFragment; wsUrl: string }) {
  const [metrics, setMetrics] = useState(initial);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const client = createClient({ url: wsUrl });
    const dispose = client.subscribe<{ campaignMetricsUpdated: LiveMetricsFragment }>(
      { query: print(CampaignMetricsLiveDocument), variables: { campaignId } },
      {
        next: (result) => {
          if (result.data) setMetrics(result.data.campaignMetricsUpdated);
        },
        error: () => setLive(false),
        complete: () => setLive(false),
      },
    );
    const offConnected = client.on('connected', () => setLive(true));
    const offClosed = client.on('closed', () => setLive(false));
    return () => {
      offConnected();
      offClosed();
      dispose();
      void client.dispose();
    };
  }, [campaignId, wsUrl]);
  return (
    <section aria-labelledby="delivery-heading">
      <div className="section-title">
        <h2 id="delivery-heading">Delivery</h2>
        <span role="status" className={live ? 'live live-on' : 'live'}>
          {live ? 'Live' : 'Connecting…'}
        </span>
      </div>
      <div className="metrics">
        <div className="metric">
          <strong>{formatCount(metrics.impressions)}</strong>
          <span>Impressions</span>
        </div>
        <div className="metric">
          <strong>{formatCount(metrics.clicks)}</strong>
          <span>Clicks</span>
        </div>
        <div className="metric">
          <strong>{formatCount(metrics.viewMinutes)}</strong>
          <span>View-minutes</span>
        </div>
        <div className="metric">
          <strong>{formatMoney(metrics.spend)}</strong>
          <span>Spend</span>
        </div>
      </div>
    </section>
  );
}
