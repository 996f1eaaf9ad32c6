import Link from 'next/link';
import { CampaignListDocument } from '@/gql/graphql';
import { formatCount, formatMoney, formatStatus } from '@/lib/format';
import { request } from '@/lib/graphql';

export const dynamic = 'force-dynamic';

export default async function CampaignsPage() {
  const { campaigns } = await request(CampaignListDocument, { first: 50 });
  return (
    <>
      <h1>Campaigns</h1>
      <div className="card">
        <table>
          <thead>
            <tr>
              <th>Campaign</th>
              <th>Brand</th>
              <th>Status</th>
              <th className="num">Budget</th>
              <th className="num">Impressions</th>
              <th className="num">Clicks</th>
              <th className="num">Spend</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.nodes.map((campaign) => (
              <tr key={campaign.id}>
                <td>
                  <Link href={`/campaigns/${campaign.id}`}>{campaign.name}</Link>
                </td>
                <td>{campaign.brand?.companyName ?? '—'}</td>
                <td>
                  <span className={`status status-${campaign.status.toLowerCase()}`}>{formatStatus(campaign.status)}</span>
                </td>
                <td className="num">{formatMoney(campaign.budget)}</td>
                <td className="num">{formatCount(campaign.metrics.impressions)}</td>
                <td className="num">{formatCount(campaign.metrics.clicks)}</td>
                <td className="num">{formatMoney(campaign.metrics.spend)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
