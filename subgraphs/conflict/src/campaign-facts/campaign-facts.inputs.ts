import { CATEGORY_PATTERN, COUNTRY_PATTERN, Platform } from '@gametriggers/federation';
import { ArrayMaxSize, IsIn, IsUUID, Matches } from 'class-validator';
import { CAMPAIGN_STATUSES } from '../engine/custom-condition';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'The facts of one campaign as the campaign subgraph knows them now; replaces what was recorded.' })
export class CampaignFactsInput {
  @Field(() => ID) @IsUUID('all', { message: 'campaignId must be a campaign id' }) campaignId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'brandId must be a brand id' }) brandId!: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @Matches(CATEGORY_PATTERN, { each: true, message: 'categories must be lowercase slugs like "fps"' })
  categories!: string[];

  @Field(() => [Platform], { defaultValue: [] }) platforms!: Platform[];
  @Field(() => GraphQLDateTime) startsAt!: Date;
  @Field(() => GraphQLDateTime, { description: 'Must be after startsAt.' }) endsAt!: Date;

  @Field(() => String, {
    defaultValue: 'ACTIVE',
    description: 'The CampaignStatus; only APPROVED, SCHEDULED, ACTIVE and PAUSED campaigns compete with others.',
  })
  @IsIn(CAMPAIGN_STATUSES, { message: `status must be one of ${CAMPAIGN_STATUSES.join(', ')}` })
  status!: string;

  @Field(() => [String], { defaultValue: [], description: 'ISO 3166-1 alpha-2 target countries.' })
  @ArrayMaxSize(250)
  @Matches(COUNTRY_PATTERN, { each: true, message: 'countries must be ISO 3166-1 alpha-2 codes like "DE"' })
  countries!: string[];

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(10_000)
  @IsUUID('all', { each: true, message: 'streamerIds must be streamer ids' })
  streamerIds!: string[];
}
