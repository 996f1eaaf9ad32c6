'use client';

import type { LiveMetricsFragment } from '@/gql/graphql';
import { formatCount, formatMoney } from '@/lib/format';
import { LiveBadge, useLiveMetrics } from './live-metrics';

/** One campaign's delivery totals, updating live. */
export function LiveMetricsPanel({ initial, wsUrl }: { initial: LiveMetricsFragment; wsUrl: string }) {
  const { metrics, state } = useLiveMetrics([initial], wsUrl);
  const current = metrics.get(initial.campaignId) ?? initial;
  return (
    <section aria-labelledby="delivery-heading">
      <div className="section-title">
        <h2 id="delivery-heading">Delivery</h2>
        <LiveBadge state={state} />
      </div>
      <div className="metrics">
        <div className="metric">
          <strong>{formatCount(current.impressions)}</strong>
          <span>Impressions</span>
        </div>
        <div className="metric">
          <strong>{formatCount(current.clicks)}</strong>
          <span>Clicks</span>
        </div>
        <div className="metric">
          <strong>{formatCount(current.viewMinutes)}</strong>
          <span>View-minutes</span>
        </div>
        <div className="metric">
          <strong>{formatMoney(current.spend)}</strong>
          <span>Delivery cost</span>
        </div>
      </div>
    </section>
  );
}
