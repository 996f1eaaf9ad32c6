import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CampaignDetailDocument } from '@/gql/graphql';
import { formatMoney, formatStatus } from '@/lib/format';
import { graphqlWsUrl, request } from '@/lib/graphql';
import { LiveMetricsPanel } from './live-metrics';

export const dynamic = 'force-dynamic';

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { campaign } = await request(CampaignDetailDocument, { id });
  if (!campaign) notFound();
  return (
    <>
      <p className="breadcrumb">
        <Link href="/">← All campaigns</Link>
      </p>
      <h1>{campaign.name}</h1>
      <p className="subtitle">
        <span className="brand">{campaign.brand?.companyName}</span>
        <span className={`status status-${campaign.status.toLowerCase()}`}>{formatStatus(campaign.status)}</span>
        <span>Budget {formatMoney(campaign.budget)}</span>
      </p>
      {campaign.description ? <p className="description">{campaign.description}</p> : null}
      <LiveMetricsPanel campaignId={campaign.id} initial={campaign.metrics} wsUrl={graphqlWsUrl()} />
      <div className="columns">
        <section>
          <h2>Conflicts</h2>
          {campaign.conflicts.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="list">
              {campaign.conflicts.map((conflict, index) => (
                <li key={index}>
                  <span className={`severity severity-${conflict.severity.toLowerCase()}`}>{formatStatus(conflict.severity)}</span>{' '}
                  {conflict.reason}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h2>Streamers</h2>
          {campaign.participations.nodes.length === 0 ? (
            <p className="muted">None yet.</p>
          ) : (
            <ul className="list">
              {campaign.participations.nodes.map((participation) => (
                <li key={participation.id}>
                  {participation.streamer.displayName ?? participation.streamer.id}{' '}
                  <span className="status">{formatStatus(participation.status)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
