import { MoneyInput, UUID } from '@gametriggers/federation';
import { IsOptional, Length, Matches, Min, ValidateNested } from 'class-validator';
import { GraphQLDateTime, GraphQLSafeInt } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { CampaignMetricsGranularity } from './campaign-metrics.type';

const uuidMessage = (field: string) => ({ message: `${field} must be a UUID` });

@InputType({ description: 'Counters of one delivery report, added to the hour it occurred in.' })
export class RecordDeliveryMetricsInput {
  @Field(() => ID) @Matches(UUID, uuidMessage('campaignId')) campaignId!: string;

  @Field(() => ID, { nullable: true, description: 'The streamer who delivered; null for campaign-level deliveries.' })
  @IsOptional()
  @Matches(UUID, uuidMessage('streamerId'))
  streamerId?: string | null;

  @Field(() => GraphQLDateTime, { description: 'When the delivery happened; at most 5 minutes in the future.' })
  occurredAt!: Date;

  @Field(() => GraphQLSafeInt) @Min(0) impressions!: number;
  @Field(() => GraphQLSafeInt) @Min(0) clicks!: number;
  @Field(() => GraphQLSafeInt) @Min(0) viewMinutes!: number;
  @Field(() => GraphQLSafeInt) @Min(0) conversions!: number;

  @Field(() => MoneyInput, { description: "In the campaign's currency (the one of its first recorded delivery)." })
  @ValidateNested()
  spend!: MoneyInput;

  @Field(() => String, { description: 'Chosen by the client per report; a retry with the same key is counted once.' })
  @Length(1, 200)
  @Matches(/^[\x21-\x7e]+$/, { message: 'idempotencyKey must be printable ASCII without spaces' })
  idempotencyKey!: string;
}

@ArgsType()
export class CampaignMetricsBucketsArgs {
  @Field(() => CampaignMetricsGranularity) granularity!: CampaignMetricsGranularity;

  @Field(() => GraphQLDateTime, { description: 'Inclusive: buckets whose hour starts at or after this.' })
  from!: Date;

  @Field(() => GraphQLDateTime, { description: 'Exclusive; at most 366 days after from.' })
  to!: Date;

  @Field(() => ID, { nullable: true, description: 'Only this streamer; all streamers together when omitted.' })
  @IsOptional()
  @Matches(UUID, uuidMessage('streamerId'))
  streamerId?: string | null;
}
