import { BadUserInputError, NotFoundError, assertOwner, isOwner, isUuid } from '@gametriggers/federation';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Campaign } from '../campaign/campaign.type';
import type { Context } from '../context';
import { deliverySecret, uploadToken } from '../delivery/delivery-tokens';
import { ASSET_TYPES, UPLOAD_URL_TTL_SECONDS, isAssetContentType } from './asset-rules';
import { CampaignAsset, CampaignAssetUpload, CampaignAssetUploadInput } from './asset.type';
import { toCampaignAsset } from './to-campaign-asset';

@Resolver(() => Campaign)
export class CampaignAssetResolver {
  @FieldResolver(() => [CampaignAsset], {
    description: "The campaign's creatives, newest first: READY ones for everyone; all of them for the owning brand and admins.",
  })
  async assets(@Root() campaign: Campaign, @Ctx() ctx: Context): Promise<CampaignAsset[]> {
    const everything = ctx.viewer.kind === 'ADMIN' || isOwner(ctx.viewer, { brandId: campaign.brand.id });
    const rows = await ctx.db.campaignAsset.findMany({
      where: { campaignId: campaign.id, ...(everything ? {} : { status: 'READY' }) },
      orderBy: { id: 'desc' },
    });
    return rows.map((row) => toCampaignAsset(row, ctx.deliveryOrigin));
  }

  @Mutation(() => CampaignAssetUpload, {
    description: 'Announces a creative for a campaign (the owning brand or an admin) and returns where to PUT its bytes.',
  })
  async requestCampaignAssetUpload(
    @Arg('campaignId', () => ID) campaignId: string,
    @Arg('input', () => CampaignAssetUploadInput) input: CampaignAssetUploadInput,
    @Ctx() ctx: Context,
  ): Promise<CampaignAssetUpload> {
    const campaign = isUuid(campaignId) ? await ctx.loaders.campaign.load(campaignId) : undefined;
    if (!campaign) throw new NotFoundError('Campaign', campaignId);
    assertOwner(ctx.viewer, { brandId: campaign.brandId });
    if (campaign.status === 'COMPLETED' || campaign.status === 'CANCELLED') {
      throw new BadUserInputError('campaignId', `A ${campaign.status} campaign takes no new creatives`);
    }
    if (!isAssetContentType(input.contentType)) {
      throw new BadUserInputError('input.contentType', `contentType must be one of ${Object.keys(ASSET_TYPES).join(', ')}`);
    }
    const rule = ASSET_TYPES[input.contentType];
    if (input.bytes > rule.maxBytes) {
      throw new BadUserInputError('input.bytes', `${input.contentType} files may be at most ${rule.maxBytes} bytes`);
    }
    const asset = await ctx.db.campaignAsset.create({
      data: { campaignId, kind: rule.kind, filename: input.filename.trim(), contentType: input.contentType, bytes: input.bytes },
    });
    const expiresAt = Math.floor(Date.now() / 1000) + UPLOAD_URL_TTL_SECONDS;
    return {
      asset: toCampaignAsset(asset, ctx.deliveryOrigin),
      uploadUrl: `${ctx.deliveryOrigin}/uploads/${uploadToken(await deliverySecret(ctx.db), asset.id, expiresAt)}`,
      expiresAt: new Date(expiresAt * 1000),
    };
  }
}
