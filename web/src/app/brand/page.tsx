import { BrandDashboardDocument } from '@/gql/graphql';
import { Forbidden } from '@/components/forbidden';
import { LiveCampaignTable } from '@/components/live-campaign-table';
import { graphqlWsUrl } from '@/lib/graphql';
import { query } from '@/lib/query';
import { requireSession } from '@/lib/session/session';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Your campaigns · GameTriggers' };

/** A brand's own campaigns, with budget, spend and live delivery. */
export default async function BrandDashboardPage() {
  const session = await requireSession('BRAND');
  const brandId = session.claims.entityId;
  if (!brandId) return <Forbidden message="This account is not linked to a brand yet." />;
  const result = await query(session, BrandDashboardDocument, { brandId });
  if (!result.ok) return <Forbidden message={result.forbidden} />;
  const brand = result.data.brand;
  if (!brand) return <Forbidden message="Your brand could not be found." />;
  return (
    <>
      <h1>{brand.companyName}</h1>
      <p className="muted">Your campaigns, their budgets and how they deliver, updated as streams report.</p>
      {brand.campaigns.nodes.length === 0 ? (
        <p className="muted">No campaigns yet.</p>
      ) : (
        <LiveCampaignTable campaigns={brand.campaigns.nodes} wsUrl={graphqlWsUrl()} showBrand={false} caption="Campaigns" />
      )}
    </>
  );
}
