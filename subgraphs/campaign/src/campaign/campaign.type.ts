import { AgeRange, Connection, Money, Platform } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BrandReference } from '../brand/brand.type';
import { CampaignPricingModel, CampaignStatus } from '../generated/prisma/enums';

export { CampaignPricingModel, CampaignStatus };

registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  description: 'Where a campaign is in its life; `transitionCampaign` moves it along legal transitions only.',
  valuesConfig: {
    DRAFT: { description: 'Being written by the brand; the only status in which it can be edited.' },
    SUBMITTED: { description: 'Sent for review.' },
    IN_REVIEW: { description: 'Being reviewed.' },
    APPROVED: { description: 'Approved; streamers can apply.' },
    REJECTED: { description: 'Not approved; can go back to DRAFT.' },
    SCHEDULED: { description: 'Approved and waiting for its start.' },
    ACTIVE: { description: 'Running: shown on streams.' },
    PAUSED: { description: 'Temporarily not shown.' },
    COMPLETED: { description: 'Finished (final).' },
    CANCELLED: { description: 'Stopped for good (final).' },
  },
});

registerEnumType(CampaignPricingModel, {
  name: 'CampaignPricingModel',
  description: 'What the brand pays streamers for.',
  valuesConfig: {
    CPM: { description: 'Per thousand impressions.' },
    CPC: { description: 'Per click.' },
    CPA: { description: 'Per acquisition (sign-up, purchase).' },
    FLAT_FEE: { description: 'A fixed fee per stream with the overlay on screen (a new stream starts after 30 minutes without a sample).' },
  },
});

@ObjectType({ description: 'When a campaign runs: `endsAt` is after `startsAt`.' })
export class CampaignSchedule {
  @Field(() => GraphQLDateTime) startsAt!: Date;
  @Field(() => GraphQLDateTime) endsAt!: Date;
}

@ObjectType({ description: 'How streamers are paid: a model and a rate in the campaign currency.' })
export class CampaignPricing {
  @Field(() => CampaignPricingModel) model!: CampaignPricingModel;
  @Field(() => Money) rate!: Money;
}

@ObjectType({ description: 'Which streams a campaign wants; empty lists mean "any".' })
export class CampaignTargeting {
  @Field(() => [Platform]) platforms!: Platform[];
  @Field(() => [String], { description: 'Content category slugs, e.g. "fps".' }) categories!: string[];
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes.' }) countries!: string[];
  @Field(() => [String], { description: 'ISO 639-1 codes.' }) languages!: string[];
  @Field(() => Int, { nullable: true }) minAverageViewers!: number | null;
  @Field(() => Int, { nullable: true }) maxAverageViewers!: number | null;
  @Field(() => [AgeRange]) audienceAgeRanges!: AgeRange[];
}

@ObjectType({ description: 'A sponsored campaign a brand runs on streams. Every amount is in one currency.' })
@Directive('@key(fields: "id")')
export class Campaign {
  @Field(() => ID) id!: string;
  @Field(() => BrandReference) brand!: BrandReference;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => CampaignStatus) status!: CampaignStatus;
  @Field(() => CampaignSchedule) schedule!: CampaignSchedule;
  @Field(() => Money, { description: 'Total budget.' }) budget!: Money;
  @Field(() => Money, { nullable: true, description: 'Most that may be spent in one day; at most the budget.' })
  dailyCap!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Most one streamer may earn; at most the budget.' })
  perStreamerCap!: Money | null;
  @Field(() => CampaignPricing) pricing!: CampaignPricing;
  @Field(() => Money, { description: 'Spent so far.' }) spent!: Money;
  @Field(() => CampaignTargeting) targeting!: CampaignTargeting;
  @Field(() => String, { nullable: true, description: 'Where tracked clicks on the chat link land; null: clicks are not tracked.' })
  landingUrl!: string | null;
  @Field(() => Boolean, { description: 'Applications the conflict check allows are accepted at once, without the brand.' })
  autoAcceptApplications!: boolean;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime) updatedAt!: Date;
}

@ObjectType()
export class CampaignConnection extends Connection(Campaign) {}
