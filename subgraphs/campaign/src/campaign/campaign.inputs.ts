import { AgeRange, CATEGORY_PATTERN, COUNTRY_PATTERN, LANGUAGE_PATTERN, MoneyInput, PageArgs, Platform } from '@gametriggers/federation';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, IsUrl, Length, Matches, Max, Min, ValidateNested, IsBoolean } from 'class-validator';

const LANDING_URL = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };
const LANDING_URL_MESSAGE = { message: 'landingUrl must be an http(s) URL' };
import { GraphQLDateTime } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { CampaignPricingModel, CampaignStatus } from './campaign.type';

@InputType()
export class CampaignScheduleInput {
  @Field(() => GraphQLDateTime) startsAt!: Date;
  @Field(() => GraphQLDateTime, { description: 'Must be after startsAt.' }) endsAt!: Date;
}

@InputType()
export class CampaignPricingInput {
  @Field(() => CampaignPricingModel) model!: CampaignPricingModel;
  @Field(() => MoneyInput, { description: 'Above zero, in the budget currency.' }) @ValidateNested() rate!: MoneyInput;
}

@InputType()
export class CampaignTargetingInput {
  @Field(() => [Platform], { defaultValue: [] }) platforms!: Platform[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @Matches(CATEGORY_PATTERN, { each: true, message: 'categories must be lowercase slugs like "fps"' })
  categories!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(250)
  @Matches(COUNTRY_PATTERN, { each: true, message: 'countries must be ISO 3166-1 alpha-2 codes' })
  countries!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @Matches(LANGUAGE_PATTERN, { each: true, message: 'languages must be ISO 639-1 codes' })
  languages!: string[];

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000) minAverageViewers?: number | null;
  @Field(() => Int, { nullable: true, description: 'At least minAverageViewers.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  maxAverageViewers?: number | null;

  @Field(() => [AgeRange], { defaultValue: [] }) audienceAgeRanges!: AgeRange[];
}

@InputType({ description: 'A new campaign, created as DRAFT. Every amount must be in the budget currency.' })
export class CreateCampaignInput {
  @Field(() => ID) @IsUUID('all', { message: 'brandId must be a brand id' }) brandId!: string;
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => String) @Length(1, 5000) description!: string;
  @Field(() => CampaignScheduleInput) @ValidateNested() schedule!: CampaignScheduleInput;
  @Field(() => MoneyInput, { description: 'Total budget, above zero.' }) @ValidateNested() budget!: MoneyInput;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() dailyCap?: MoneyInput | null;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() perStreamerCap?: MoneyInput | null;
  @Field(() => CampaignPricingInput) @ValidateNested() pricing!: CampaignPricingInput;
  @Field(() => CampaignTargetingInput, { nullable: true }) @IsOptional() @ValidateNested() targeting?: CampaignTargetingInput | null;
  @Field(() => String, { nullable: true, description: 'Where tracked clicks on the chat link land (http or https).' })
  @IsOptional()
  @Length(1, 2000)
  @IsUrl(LANDING_URL, LANDING_URL_MESSAGE)
  landingUrl?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'The auto-approval rule: applications the conflict check allows are accepted at once (default false).',
  })
  @IsOptional()
  @IsBoolean()
  autoAcceptApplications?: boolean | null;
}

@InputType({ description: 'Only the fields given change (null clears a cap); groups are replaced whole. DRAFT campaigns only.' })
export class UpdateCampaignInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 5000) description?: string;
  @Field(() => CampaignScheduleInput, { nullable: true }) @IsOptional() @ValidateNested() schedule?: CampaignScheduleInput;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() budget?: MoneyInput;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() dailyCap?: MoneyInput | null;
  @Field(() => MoneyInput, { nullable: true }) @IsOptional() @ValidateNested() perStreamerCap?: MoneyInput | null;
  @Field(() => CampaignPricingInput, { nullable: true }) @IsOptional() @ValidateNested() pricing?: CampaignPricingInput;
  @Field(() => CampaignTargetingInput, { nullable: true }) @IsOptional() @ValidateNested() targeting?: CampaignTargetingInput;
  @Field(() => String, { nullable: true, description: 'null removes it.' })
  @IsOptional()
  @Length(1, 2000)
  @IsUrl(LANDING_URL, LANDING_URL_MESSAGE)
  landingUrl?: string | null;
}

@ArgsType()
export class CampaignListArgs extends PageArgs {
  @Field(() => CampaignStatus, { nullable: true, description: 'Only campaigns in this status.' })
  status?: CampaignStatus | null;
}

@ArgsType()
export class CampaignsArgs extends CampaignListArgs {
  @Field(() => ID, { nullable: true, description: 'Only campaigns of this brand.' })
  @IsOptional()
  @IsUUID('all', { message: 'brandId must be a brand id' })
  brandId?: string | null;
}
