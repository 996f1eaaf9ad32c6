import { AgeRange, Platform } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, UseMiddleware } from 'type-graphql';
import { OwningStreamerOrAdmin } from './streamer-access';
import { StreamerPlatformProfile } from './streamer-platform-profile.type';

@ObjectType({ description: "Who watches a streamer's channels." })
export class StreamerDemographics {
  @Field(() => String, { description: 'Main audience country, ISO 3166-1 alpha-2.' }) country!: string;
  @Field(() => [String], { description: 'Stream languages, ISO 639-1.' }) languages!: string[];
  @Field(() => [AgeRange]) audienceAgeRanges!: AgeRange[];
  @Field(() => [String], { description: 'Audience interests, e.g. "pc-hardware".' }) interests!: string[];
}

@ObjectType({ description: 'A content creator who streams on one or more platforms and can be sponsored.' })
@Directive('@key(fields: "id")')
export class Streamer {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Unique, ignoring case.' }) displayName!: string;
  @Field(() => String, { nullable: true }) bio!: string | null;
  @Field(() => String, { nullable: true }) avatarUrl!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The streamer themself and admins only: brands reach streamers through the platform.',
  })
  @UseMiddleware(OwningStreamerOrAdmin)
  contactEmail!: string;

  @Field(() => [StreamerPlatformProfile], { description: 'One profile per platform, in platform order.' })
  platforms!: StreamerPlatformProfile[];
  @Field(() => StreamerDemographics) demographics!: StreamerDemographics;
  @Field(() => Int, { description: 'Followers summed over every platform.' }) totalFollowers!: number;
  @Field(() => Platform, { nullable: true, description: 'The platform with the most followers; null without platforms.' })
  primaryPlatform!: Platform | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime) updatedAt!: Date;
}
