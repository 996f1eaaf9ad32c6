import { Money } from '@gametriggers/federation';
import { GraphQLDateTime, GraphQLSafeInt } from 'graphql-scalars';
import { Directive, Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CampaignReference } from '../campaign/campaign.type';
import { StreamerReference } from '../streamer/streamer.type';

export enum CampaignMetricsGranularity {
  HOUR = 'HOUR',
  DAY = 'DAY',
}
registerEnumType(CampaignMetricsGranularity, {
  name: 'CampaignMetricsGranularity',
  description: 'Width of a metrics bucket; hours and days are UTC.',
});

/** The counters and derived figures every metrics type carries. */
@ObjectType()
export abstract class CampaignMetricsCounters {
  @Field(() => GraphQLSafeInt) impressions!: number;
  @Field(() => GraphQLSafeInt) clicks!: number;
  @Field(() => GraphQLSafeInt) viewMinutes!: number;
  @Field(() => GraphQLSafeInt) conversions!: number;

  @Field(() => Money, { nullable: true, description: 'What the deliveries cost; null when nothing was recorded.' })
  spend!: Money | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Click-through rate, clicks / impressions (0.025 = 2.5 %); null without impressions.',
  })
  ctr!: number | null;

  @Field(() => Money, {
    nullable: true,
    description: 'Spend per 1,000 view-minutes, rounded half up to the minor unit; null without view-minutes or spend.',
  })
  effectiveCpm!: Money | null;
}

@ObjectType({ description: 'Delivery totals of one campaign, all streamers together.' })
@Directive('@key(fields: "campaignId")')
export class CampaignMetrics extends CampaignMetricsCounters {
  @Field(() => ID) campaignId!: string;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When a delivery was last recorded; null when none was.' })
  lastUpdatedAt!: Date | null;
}

@ObjectType({ description: 'Delivery totals of one streamer in one campaign.' })
export class StreamerCampaignMetrics extends CampaignMetricsCounters {
  @Field(() => CampaignReference) campaign!: CampaignReference;
  @Field(() => StreamerReference) streamer!: StreamerReference;
  @Field(() => GraphQLDateTime) lastUpdatedAt!: Date;
}

@ObjectType({ description: 'Delivery totals of one campaign during one hour or day (UTC).' })
export class CampaignMetricsBucket extends CampaignMetricsCounters {
  @Field(() => GraphQLDateTime, { description: 'Start of the hour or day, UTC.' }) bucketStart!: Date;
}
