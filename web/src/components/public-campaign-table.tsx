import Link from 'next/link';
import type { PublicCampaignFragment } from '@/gql/graphql';
import { formatDate, formatMoney, formatStatus } from '@/lib/format';
import { StatusBadge } from './status-badge';

/** Campaigns as anyone may see them: no budget, spend or metrics. */
export function PublicCampaignTable({ campaigns, labelledBy }: { campaigns: PublicCampaignFragment[]; labelledBy: string }) {
  return (
    <div className="card table-scroll">
      <table aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Campaign</th>
            <th scope="col">Brand</th>
            <th scope="col">Status</th>
            <th scope="col">Runs</th>
            <th scope="col" className="num">
              Pays
            </th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((campaign) => (
            <tr key={campaign.id} data-campaign-id={campaign.id}>
              <th scope="row">
                <Link href={`/campaigns/${campaign.id}`}>{campaign.name}</Link>
              </th>
              <td>{campaign.brand.companyName}</td>
              <td>
                <StatusBadge status={campaign.status} />
              </td>
              <td>
                {formatDate(campaign.schedule.startsAt)} – {formatDate(campaign.schedule.endsAt)}
              </td>
              <td className="num">
                {formatMoney(campaign.pricing.rate)} {pricingUnit(campaign.pricing.model)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** CPM → "per 1,000 impressions". */
export function pricingUnit(model: string): string {
  switch (model) {
    case 'CPM':
      return 'per 1,000 impressions';
    case 'CPC':
      return 'per click';
    case 'CPA':
      return 'per conversion';
    case 'FLAT_FEE':
      return 'per stream';
    default:
      return formatStatus(model);
  }
}
