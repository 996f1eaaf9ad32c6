import { notFound } from 'next/navigation';
import { CampaignDetailDocument } from '@/gql/graphql';
import { request } from '@/lib/graphql';
import { LiveMetricsPanel } from './live-metrics';

export const dynamic = 'force-dynamic';

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { campaign } = await request(CampaignDetailDocument, { id });
  if (!campaign) notFound();
  return (
    <>
      <h1>{campaign.name}</h1>
      <p>
        {campaign.brand?.companyName} · <span className="status">{campaign.status}</span> · budget {campaign.budget.amount}{' '}
        {campaign.budget.currency}
      </p>
      <p>{campaign.description}</p>
      <LiveMetricsPanel campaignId={campaign.id} initial={campaign.metrics} />
      <h2>Conflicts</h2>
      {campaign.conflicts.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {campaign.conflicts.map((conflict, index) => (
            <li key={index}>
              <strong>{conflict.severity}</strong> {conflict.reason}
            </li>
          ))}
        </ul>
      )}
      <h2>Streamers</h2>
      <ul>
        {campaign.participations.nodes.map((participation) => (
          <li key={participation.id}>
            {participation.streamer.displayName ?? participation.streamer.id} — {participation.status}
          </li>
        ))}
      </ul>
    </>
  );
}
