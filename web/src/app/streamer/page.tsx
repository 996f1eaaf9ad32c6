import Link from 'next/link';
import { StreamerDashboardDocument } from '@/gql/graphql';
import { CopyField } from '@/components/copy-field';
import { Forbidden } from '@/components/forbidden';
import { PublicCampaignTable } from '@/components/public-campaign-table';
import { StatusBadge } from '@/components/status-badge';
import { formatDate, formatMoney, sumMoney } from '@/lib/format';
import { query } from '@/lib/query';
import { requireSession } from '@/lib/session/session';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Your campaigns · GameTriggers' };

/** A streamer's participations with earnings and overlay links, and the campaigns they may apply to. */
export default async function StreamerDashboardPage() {
  const session = await requireSession('STREAMER');
  const streamerId = session.claims.entityId;
  if (!streamerId) return <Forbidden message="This account is not linked to a streamer yet." />;
  const result = await query(session, StreamerDashboardDocument, { streamerId });
  if (!result.ok) return <Forbidden message={result.forbidden} />;
  const streamer = result.data.streamer;
  if (!streamer) return <Forbidden message="Your streamer profile could not be found." />;
  const participations = streamer.participations.nodes;
  const earnings = sumMoney(participations.map((participation) => participation.earnings));
  // Eligible but already applied to (or taken part in): not something to apply to again.
  const joined = new Set(participations.map((participation) => participation.campaign.id));
  const eligible = streamer.eligibleCampaigns.nodes.filter((campaign) => !joined.has(campaign.id));
  return (
    <>
      <h1>{streamer.displayName}</h1>
      <section aria-labelledby="earnings-heading">
        <h2 id="earnings-heading">Earnings</h2>
        <div className="metrics">
          {earnings.length === 0 ? (
            <p className="muted">Nothing earned yet.</p>
          ) : (
            earnings.map((total) => (
              <div className="metric" key={total.currency}>
                <strong>{formatMoney(total)}</strong>
                <span>Earned in {total.currency}</span>
              </div>
            ))
          )}
        </div>
      </section>
      <section aria-labelledby="participations-heading">
        <h2 id="participations-heading">Your campaigns</h2>
        {participations.length === 0 ? (
          <p className="muted">You are not taking part in any campaign yet.</p>
        ) : (
          <ul className="participations">
            {participations.map((participation) => (
              <li key={participation.id} className="card participation" aria-labelledby={`participation-${participation.id}`}>
                <div className="participation-head">
                  <h3 id={`participation-${participation.id}`}>
                    <Link href={`/campaigns/${participation.campaign.id}`}>{participation.campaign.name}</Link>
                  </h3>
                  <span className="muted">{participation.campaign.brand.companyName}</span>
                  <StatusBadge status={participation.status} />
                </div>
                <dl className="facts">
                  <div>
                    <dt>Earned</dt>
                    <dd>{formatMoney(participation.earnings)}</dd>
                  </div>
                  <div>
                    <dt>Applied</dt>
                    <dd>{formatDate(participation.appliedAt)}</dd>
                  </div>
                </dl>
                {participation.status === 'ACCEPTED' ? (
                  <>
                    <CopyField
                      label="Overlay link"
                      value={participation.links.overlayUrl}
                      hint="Add it to OBS as a browser source. Keep it private: it reports your deliveries."
                    />
                    {participation.links.clickUrl ? (
                      <CopyField label="Chat link" value={participation.links.clickUrl} hint="Post it in chat: clicks are counted." />
                    ) : null}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="eligible-heading">
        <h2 id="eligible-heading">Campaigns you can apply to</h2>
        {eligible.length === 0 ? (
          <p className="muted">No open campaign matches your channels right now.</p>
        ) : (
          <PublicCampaignTable campaigns={eligible} labelledBy="eligible-heading" />
        )}
      </section>
    </>
  );
}
