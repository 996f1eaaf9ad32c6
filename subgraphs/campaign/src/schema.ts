import { buildFederatedSchema } from '@gametriggers/federation';
import { CampaignAssetResolver } from './asset/asset.resolver';
import { CampaignFundingResolver } from './funding/campaign-funding.resolver';
import { CampaignReviewResolver } from './review/campaign-review.resolver';
import { BrandCampaignsResolver } from './brand/brand.resolver';
import { resolveCampaignReference } from './campaign/campaign.reference';
import { CampaignResolver } from './campaign/campaign.resolver';
import { resolveParticipationReference } from './participation/participation.reference';
import { CampaignPostbackResolver, ParticipationLinksResolver } from './delivery/delivery-links.resolver';
import { ParticipationResolver } from './participation/participation.resolver';
import { StreamerParticipationsResolver } from './streamer/streamer.resolver';

export const buildCampaignSchema = () =>
  buildFederatedSchema({
    resolvers: [
      CampaignResolver,
      ParticipationResolver,
      BrandCampaignsResolver,
      StreamerParticipationsResolver,
      ParticipationLinksResolver,
      CampaignPostbackResolver,
      CampaignAssetResolver,
      CampaignReviewResolver,
      CampaignFundingResolver,
    ],
    references: { Campaign: resolveCampaignReference as never, Participation: resolveParticipationReference as never },
  });
