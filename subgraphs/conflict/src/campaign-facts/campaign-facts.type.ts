import { Platform } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: "This subgraph's copy of what conflict rules need to know about a campaign." })
export class CampaignFacts {
  @Field(() => ID) campaignId!: string;
  @Field(() => ID) brandId!: string;
  @Field(() => [String], { description: 'Category slugs; an empty list matches no category rule.' }) categories!: string[];
  @Field(() => [String], {
    description: "The categories rules see: the campaign's, its brand's, and every ancestor of either in the category hierarchy.",
  })
  effectiveCategories!: string[];
  @Field(() => [Platform], { description: 'An empty list matches no exclusivity rule.' }) platforms!: Platform[];
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 target countries, when known.' }) countries!: string[];
  @Field(() => String, { description: 'The CampaignStatus; only APPROVED, SCHEDULED, ACTIVE and PAUSED campaigns compete.' })
  status!: string;
  @Field(() => GraphQLDateTime) startsAt!: Date;
  @Field(() => GraphQLDateTime) endsAt!: Date;
  @Field(() => [ID], { description: 'The streamers booked for the campaign.' }) streamerIds!: string[];
  @Field(() => GraphQLDateTime, { description: 'When these facts were last recorded.' }) updatedAt!: Date;
}
