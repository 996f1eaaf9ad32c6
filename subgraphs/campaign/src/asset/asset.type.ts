import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsInt, Length, Max, Min } from 'class-validator';
import { CampaignAssetKind, CampaignAssetStatus } from '../generated/prisma/enums';

registerEnumType(CampaignAssetKind, { name: 'CampaignAssetKind' });
registerEnumType(CampaignAssetStatus, {
  name: 'CampaignAssetStatus',
  valuesConfig: {
    PENDING: { description: 'Announced; waiting for its upload.' },
    READY: { description: 'Uploaded, checked and rendered for the overlay.' },
    REJECTED: { description: 'The upload was refused; see rejectionReason.' },
  },
});

@ObjectType({ description: 'A creative of a campaign: an image (with overlay renditions) or a short video.' })
export class CampaignAsset {
  @Field(() => ID) id!: string;
  @Field(() => CampaignAssetKind) kind!: CampaignAssetKind;
  @Field(() => CampaignAssetStatus) status!: CampaignAssetStatus;
  @Field(() => String) filename!: string;
  @Field(() => String, { description: 'Checked against the uploaded bytes themselves.' }) contentType!: string;
  @Field(() => Int) bytes!: number;
  @Field(() => Int, { nullable: true }) width!: number | null;
  @Field(() => Int, { nullable: true }) height!: number | null;
  @Field(() => String, { nullable: true, description: 'The original, once READY.' }) url!: string | null;
  @Field(() => String, { nullable: true, description: 'The overlay rendition (WebP, at most 1280x720), for images.' })
  overlayUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'A thumbnail (WebP, at most 320x180), for images.' }) thumbnailUrl!: string | null;
  @Field(() => String, { nullable: true }) rejectionReason!: string | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) uploadedAt!: Date | null;
}

@ObjectType({ description: 'Where to PUT the bytes of an announced asset: the raw file as the body, once, before expiresAt.' })
export class CampaignAssetUpload {
  @Field(() => CampaignAsset) asset!: CampaignAsset;
  @Field(() => String) uploadUrl!: string;
  @Field(() => GraphQLDateTime) expiresAt!: Date;
}

@InputType({ description: 'The file a brand is about to upload.' })
export class CampaignAssetUploadInput {
  @Field(() => String) @Length(1, 200) filename!: string;
  @Field(() => String, { description: 'image/png, image/jpeg, image/webp, image/gif (10 MB), video/mp4, video/webm (50 MB).' })
  contentType!: string;
  @Field(() => Int, { description: 'The exact size of the file in bytes.' }) @IsInt() @Min(1) @Max(50 * 1024 * 1024) bytes!: number;
}
