import { AgeRange, Platform } from '@gametriggers/federation';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** The campaign subgraph's targeting, as far as eligibility needs it (external: it owns it). */
@ObjectType('CampaignTargeting')
@Directive('@external')
export class CampaignTargetingFacts {
  @Field(() => [Platform]) platforms!: Platform[];
  @Field(() => [String]) categories!: string[];
  @Field(() => [String]) countries!: string[];
  @Field(() => [String]) languages!: string[];
  @Field(() => Int, { nullable: true }) minAverageViewers!: number | null;
  @Field(() => Int, { nullable: true }) maxAverageViewers!: number | null;
  @Field(() => [AgeRange]) audienceAgeRanges!: AgeRange[];
}

/** Stand-in for the campaign subgraph's `Campaign`: this subgraph adds `eligibleStreamers`, from the targeting the router brings. */
@ObjectType('Campaign')
@Directive('@key(fields: "id")')
export class CampaignReference {
  @Field(() => ID) id!: string;
  @Field(() => CampaignTargetingFacts) @Directive('@external') targeting?: CampaignTargetingFacts;
}
