import { AgeRange, Platform } from '@gametriggers/federation';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** The streamer subgraph's demographics, as far as eligibility needs them (external: it owns them). */
@ObjectType('StreamerDemographics')
@Directive('@external')
export class StreamerDemographicsFacts {
  @Field(() => String) country!: string;
  @Field(() => [String]) languages!: string[];
  @Field(() => [AgeRange]) audienceAgeRanges!: AgeRange[];
}

/** One platform profile of a streamer, as far as eligibility needs it (external). */
@ObjectType('StreamerPlatformProfile')
@Directive('@external')
export class StreamerPlatformFacts {
  @Field(() => Platform) platform!: Platform;
  @Field(() => Int) averageViewers!: number;
  @Field(() => [String]) categories!: string[];
}

/**
 * Stand-in for the streamer subgraph's `Streamer`: this subgraph knows only its id, and adds
 * `participations` and `eligibleCampaigns` (for which the router brings the profile facts it requires).
 */
@ObjectType('Streamer')
@Directive('@key(fields: "id")')
export class StreamerReference {
  @Field(() => ID) id!: string;
  @Field(() => StreamerDemographicsFacts) @Directive('@external') demographics?: StreamerDemographicsFacts;
  @Field(() => [StreamerPlatformFacts]) @Directive('@external') platforms?: StreamerPlatformFacts[];
}
