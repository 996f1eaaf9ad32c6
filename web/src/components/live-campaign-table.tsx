'use client';

import Link from 'next/link';
import type { ManagedCampaignFragment } from '@/gql/graphql';
import { formatCount, formatMoney } from '@/lib/format';
import { LiveBadge, useLiveMetrics } from './live-metrics';
import { StatusBadge } from './status-badge';

/** Campaigns with their money and delivery, the delivery columns updating live. */
export function LiveCampaignTable({
  campaigns,
  wsUrl,
  showBrand,
  caption,
}: {
  campaigns: ManagedCampaignFragment[];
  wsUrl: string;
  showBrand: boolean;
  caption: string;
}) {
  // Metrics are the campaign's brand's and admins' only: null for anyone else (not expected here).
  const { metrics, state } = useLiveMetrics(
    campaigns.flatMap((campaign) => (campaign.metrics ? [campaign.metrics] : [])),
    wsUrl,
  );
  const count = (value: number | undefined) => (value === undefined ? '—' : formatCount(value));
  return (
    <>
      <div className="section-title">
        <h2 id="campaigns-heading">{caption}</h2>
        <LiveBadge state={state} />
      </div>
      <div className="card table-scroll">
        <table aria-labelledby="campaigns-heading">
          <thead>
            <tr>
              <th scope="col">Campaign</th>
              {showBrand ? <th scope="col">Brand</th> : null}
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Budget
              </th>
              <th scope="col" className="num">
                Spent
              </th>
              <th scope="col" className="num">
                Impressions
              </th>
              <th scope="col" className="num">
                Clicks
              </th>
              <th scope="col" className="num">
                View-minutes
              </th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((campaign) => {
              const live = metrics.get(campaign.id) ?? campaign.metrics;
              return (
                <tr key={campaign.id} data-campaign-id={campaign.id}>
                  <th scope="row">
                    <Link href={`/campaigns/${campaign.id}`}>{campaign.name}</Link>
                  </th>
                  {showBrand ? <td>{campaign.brand.companyName}</td> : null}
                  <td>
                    <StatusBadge status={campaign.status} />
                  </td>
                  <td className="num">{formatMoney(campaign.budget)}</td>
                  <td className="num">{formatMoney(campaign.spent)}</td>
                  <td className="num" data-metric="impressions">
                    {count(live?.impressions)}
                  </td>
                  <td className="num" data-metric="clicks">
                    {count(live?.clicks)}
                  </td>
                  <td className="num" data-metric="viewMinutes">
                    {count(live?.viewMinutes)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
