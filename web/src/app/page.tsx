import Link from 'next/link';
import { PublicCampaignsDocument } from '@/gql/graphql';
import { PublicCampaignTable } from '@/components/public-campaign-table';
import { query } from '@/lib/query';
import { homeOf } from '@/lib/session/paths';
import { currentSession } from '@/lib/session/session';

export const dynamic = 'force-dynamic';

/** The public start page: what GameTriggers is, the ways in, and the open campaigns (no money). */
export default async function LandingPage() {
  const session = await currentSession();
  // Public fields only, so the same query serves everyone; sent as the viewer when signed in.
  const result = await query(session, PublicCampaignsDocument, { first: 50 }, { publicPage: true });
  const campaigns = result.ok ? result.data.campaigns.nodes : [];
  return (
    <>
      <section className="hero" aria-labelledby="hero-heading">
        <h1 id="hero-heading">Sponsored moments for live game streams</h1>
        <p>Brands run campaigns; streamers show them on stream and get paid for every impression, click and stream.</p>
        {session ? (
          <p>
            <Link href={homeOf(session.claims.kind)} className="button">
              Go to your dashboard
            </Link>
          </p>
        ) : (
          <div className="paths">
            <div className="card path">
              <h2>Brands</h2>
              <p>Reach players where they watch, pay for delivery.</p>
              <p>
                <Link href="/brand/sign-in" className="button">
                  Brand sign in
                </Link>{' '}
                <Link href="/brand/sign-up">Sign up</Link>
              </p>
            </div>
            <div className="card path">
              <h2>Streamers</h2>
              <p>Pick campaigns that fit your channel and earn from your streams.</p>
              <p>
                <Link href="/streamer/sign-in" className="button">
                  Streamer sign in
                </Link>{' '}
                <Link href="/streamer/sign-up">Sign up</Link>
              </p>
            </div>
          </div>
        )}
      </section>
      <section aria-labelledby="campaigns-heading">
        <h2 id="campaigns-heading">Campaigns</h2>
        {campaigns.length === 0 ? (
          <p className="muted">No public campaigns right now.</p>
        ) : (
          <PublicCampaignTable campaigns={campaigns} labelledBy="campaigns-heading" />
        )}
      </section>
    </>
  );
}
