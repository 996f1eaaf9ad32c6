import { AdminCampaignsDocument } from '@/gql/graphql';
import { Forbidden } from '@/components/forbidden';
import { LiveCampaignTable } from '@/components/live-campaign-table';
import { graphqlWsUrl } from '@/lib/graphql';
import { query } from '@/lib/query';
import { requireSession } from '@/lib/session/session';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'All campaigns · GameTriggers' };

/** Every campaign, whatever its status or brand, with money and live delivery. */
export default async function AdminDashboardPage() {
  const session = await requireSession('ADMIN');
  const result = await query(session, AdminCampaignsDocument, { first: 100 });
  if (!result.ok) return <Forbidden message={result.forbidden} />;
  const { nodes, pageInfo } = result.data.campaigns;
  return (
    <>
      <h1>All campaigns</h1>
      <LiveCampaignTable campaigns={nodes} wsUrl={graphqlWsUrl()} showBrand caption="Campaigns" />
      {pageInfo.hasNextPage ? <p className="muted">Showing the newest 100.</p> : null}
    </>
  );
}
