'use client';

import { useEffect, useState } from 'react';
import { createClient } from 'graphql-ws';
import { print } from 'graphql';
import { CampaignMetricsLiveDocument } from '@/gql/graphql';
import type { LiveMetricsFragment } from '@/gql/graphql';

const WS_URL = process.env['NEXT_PUBLIC_GAMETRIGGERS_WS_URL'] ?? 'ws://127.0.0.1:4000/graphql';

/** Campaign metrics that update as deliveries are recorded, over graphql-ws. */
export function LiveMetricsPanel({ campaignId, initial }: { campaignId: string; initial: LiveMetricsFragment }) {
  const [metrics, setMetrics] = useState(initial);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const client = createClient({ url: WS_URL });
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
    const off = client.on('connected', () => setLive(true));
    return () => {
      off();
      dispose();
      void client.dispose();
    };
  }, [campaignId]);
  return (
    <section>
      <h2>Delivery {live ? '· live' : ''}</h2>
      <div className="metrics">
        <div className="metric">
          <strong>{metrics.impressions}</strong> impressions
        </div>
        <div className="metric">
          <strong>{metrics.clicks}</strong> clicks
        </div>
        <div className="metric">
          <strong>{metrics.viewMinutes}</strong> view-minutes
        </div>
        <div className="metric">
          <strong>{metrics.spend ? `${metrics.spend.amount} ${metrics.spend.currency}` : '—'}</strong> spend
        </div>
      </div>
    </section>
  );
}
