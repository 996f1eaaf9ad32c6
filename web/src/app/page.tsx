import Link from 'next/link';
import { CampaignListDocument } from '@/gql/graphql';
import { request } from '@/lib/graphql';

export const dynamic = 'force-dynamic';

export default async function CampaignsPage() {
  const { campaigns } = await request(CampaignListDocument, { first: 50 });
  return (
    <>
      <h1>Campaigns</h1>
      <table>
        <thead>
          <tr>
            <th>Campaign</th>
            <th>Brand</th>
            <th>Status</th>
            <th>Budget</th>
            <th>Impressions</th>
            <th>Clicks</th>
            <th>Spend</th>
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
                <span className="status">{campaign.status}</span>
              </td>
              <td>
                {campaign.budget.amount} {campaign.budget.currency}
              </td>
              <td>{campaign.metrics.impressions}</td>
              <td>{campaign.metrics.clicks}</td>
              <td>{campaign.metrics.spend ? `${campaign.metrics.spend.amount} ${campaign.metrics.spend.currency}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
