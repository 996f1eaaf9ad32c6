import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ManagedCampaignDetailDocument, PublicCampaignDetailDocument } from '@/gql/graphql';
import { Forbidden } from '@/components/forbidden';
import { LiveMetricsPanel } from '@/components/live-metrics-panel';
import { pricingUnit } from '@/components/public-campaign-table';
import { StatusBadge } from '@/components/status-badge';
import { formatDate, formatMoney } from '@/lib/format';
import { graphqlWsUrl } from '@/lib/graphql';
import { query } from '@/lib/query';
import { homeOf } from '@/lib/session/paths';
import { currentSession } from '@/lib/session/session';
import type { Session } from '@/lib/session/session';

export const dynamic = 'force-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The owning brand and admins manage a campaign; everyone else sees its public side. */
function manages(session: Session | undefined, brandId: string): boolean {
  return session?.claims.kind === 'ADMIN' || (session?.claims.kind === 'BRAND' && session.claims.entityId === brandId);
}

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const session = await currentSession();
  const publicResult = await query(session, PublicCampaignDetailDocument, { id }, { publicPage: true });
  if (!publicResult.ok) return <Forbidden message={publicResult.forbidden} />;
  const campaign = publicResult.data.campaign;
  if (!campaign) notFound();
  const managed = manages(session, campaign.brand.id) ? await query(session, ManagedCampaignDetailDocument, { id }) : undefined;
  if (managed && !managed.ok) return <Forbidden message={managed.forbidden} />;
  const detail = managed?.data.campaign;
  return (
    <>
      <p className="breadcrumb">
        <Link href={session ? homeOf(session.claims.kind) : '/'}>← {session ? 'Your dashboard' : 'All campaigns'}</Link>
      </p>
      <h1>{campaign.name}</h1>
      <p className="subtitle">
        <span className="brand">{campaign.brand.companyName}</span>
        <StatusBadge status={campaign.status} />
        <span>
          {formatDate(campaign.schedule.startsAt)} – {formatDate(campaign.schedule.endsAt)}
        </span>
      </p>
      {campaign.description ? <p className="description">{campaign.description}</p> : null}
      <dl className="facts">
        <div>
          <dt>Pays streamers</dt>
          <dd>
            {formatMoney(campaign.pricing.rate)} {pricingUnit(campaign.pricing.model)}
          </dd>
        </div>
        <div>
          <dt>Platforms</dt>
          <dd>{campaign.targeting.platforms.join(', ') || 'Any'}</dd>
        </div>
        <div>
          <dt>Audience countries</dt>
          <dd>{campaign.targeting.countries.join(', ') || 'Any'}</dd>
        </div>
        <div>
          <dt>Languages</dt>
          <dd>{campaign.targeting.languages.join(', ') || 'Any'}</dd>
        </div>
      </dl>
      {detail ? (
        <>
          <section aria-labelledby="budget-heading">
            <h2 id="budget-heading">Budget</h2>
            <dl className="facts budget">
              <div>
                <dt>Budget</dt>
                <dd>{formatMoney(detail.budget)}</dd>
              </div>
              <div>
                <dt>Spent</dt>
                <dd>{formatMoney(detail.spent)}</dd>
              </div>
              <div>
                <dt>Daily cap</dt>
                <dd>{formatMoney(detail.dailyCap)}</dd>
              </div>
              <div>
                <dt>Per streamer cap</dt>
                <dd>{formatMoney(detail.perStreamerCap)}</dd>
              </div>
            </dl>
          </section>
          {detail.metrics ? (
            <LiveMetricsPanel initial={detail.metrics} wsUrl={graphqlWsUrl()} />
          ) : (
            <p className="muted">Delivery metrics are not available right now.</p>
          )}
          <section aria-labelledby="streamers-heading">
            <h2 id="streamers-heading">Streamers</h2>
            {!detail.participations?.nodes.length ? (
              <p className="muted">None yet.</p>
            ) : (
              <ul className="list">
                {detail.participations.nodes.map((participation) => (
                  <li key={participation.id}>
                    {participation.streamer.displayName} <StatusBadge status={participation.status} />{' '}
                    <span className="muted">earned {formatMoney(participation.earnings)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
