import { Platform } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum StreamerVerificationStatus {
  UNVERIFIED = 'UNVERIFIED',
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}
registerEnumType(StreamerVerificationStatus, {
  name: 'StreamerVerificationStatus',
  description: 'Whether we have confirmed that the streamer owns the channel.',
});

@ObjectType({ description: "A streamer's channel on one platform, with its audience numbers." })
export class StreamerPlatformProfile {
  @Field(() => Platform) platform!: Platform;
  @Field(() => String) username!: string;
  @Field(() => String) channelUrl!: string;
  @Field(() => Int) followers!: number;
  @Field(() => Int, { description: 'Average concurrent viewers of recent streams.' }) averageViewers!: number;
  @Field(() => Int, { description: 'Highest concurrent viewers; never below averageViewers.' }) peakViewers!: number;
  @Field(() => [String], { description: 'Content category slugs, e.g. "fps".' }) categories!: string[];
  @Field(() => StreamerVerificationStatus) verificationStatus!: StreamerVerificationStatus;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the numbers were last refreshed.' }) lastSyncedAt!: Date | null;
}
