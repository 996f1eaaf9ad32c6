import { CATEGORY_PATTERN, PageArgs, Platform } from '@gametriggers/federation';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ConflictRuleType, ConflictSeverity } from './conflict-rule.type';

@InputType({ description: "Set exactly the fields of the rule's type; any other field is BAD_USER_INPUT." })
export class ConflictRuleConditionsInput {
  @Field(() => [String], { nullable: true, description: 'CATEGORY_CONFLICT: two or more distinct category slugs.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(CATEGORY_PATTERN, { each: true, message: 'competingCategories must be lowercase slugs like "energy-drinks"' })
  competingCategories?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'PLATFORM_EXCLUSIVITY: the brand that holds exclusivity.' })
  @IsOptional()
  @IsUUID('all', { message: 'exclusiveBrandId must be a brand id' })
  exclusiveBrandId?: string | null;

  @Field(() => Platform, { nullable: true, description: 'PLATFORM_EXCLUSIVITY: the platform it holds.' })
  platform?: Platform | null;

  @Field(() => Int, { nullable: true, description: 'TIME_OVERLAP: the least overlap that counts, in minutes (0 to a year).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(525_600)
  minimumOverlapMinutes?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'FREQUENCY_CAP: the most campaigns a streamer may carry within the period (1 to 1000).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxCampaigns?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'FREQUENCY_CAP: the sliding period, in minutes (0 to a year); 0 counts campaigns running at the same instant. Default 0.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(525_600)
  periodMinutes?: number | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'CUSTOM: the condition tree, e.g. `{ "all": [{ "field": "campaign.categories", "op": "contains_any", "value": ["alcohol"] }, { "field": "streamer.country", "op": "in", "value": ["DE"] }] }` (see docs/conflicts.md).',
  })
  when?: Record<string, unknown> | null;
}

@InputType()
export class CreateConflictRuleInput {
  @Field(() => String, { description: 'Unique.' }) @Length(1, 120) name!: string;
  @Field(() => String) @Length(1, 2000) description!: string;
  @Field(() => ConflictRuleType) type!: ConflictRuleType;
  @Field(() => ConflictSeverity) severity!: ConflictSeverity;
  @Field(() => Int, { description: '0 to 10000; lower numbers come first.' }) @IsInt() @Min(0) @Max(10_000) priority!: number;
  @Field(() => Boolean, { defaultValue: true }) enabled!: boolean;
  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Check a brand's own campaigns against each other too (TIME_OVERLAP, CATEGORY_CONFLICT, CUSTOM); default: they never conflict.",
  })
  includeSameAdvertiser!: boolean;
  @Field(() => ConflictRuleConditionsInput, {
    nullable: true,
    description: 'Required for CATEGORY_CONFLICT, PLATFORM_EXCLUSIVITY, FREQUENCY_CAP and CUSTOM.',
  })
  @IsOptional()
  @ValidateNested()
  conditions?: ConflictRuleConditionsInput | null;
}

@InputType({ description: 'Only the fields given change; a new type needs conditions for that type (TIME_OVERLAP may do without).' })
export class UpdateConflictRuleInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 120) name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 2000) description?: string;
  @Field(() => ConflictRuleType, { nullable: true }) type?: ConflictRuleType;
  @Field(() => ConflictSeverity, { nullable: true }) severity?: ConflictSeverity;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(10_000) priority?: number;
  @Field(() => Boolean, { nullable: true }) includeSameAdvertiser?: boolean;
  @Field(() => ConflictRuleConditionsInput, { nullable: true, description: 'Replaces the conditions whole.' })
  @IsOptional()
  @ValidateNested()
  conditions?: ConflictRuleConditionsInput;
}

@ArgsType()
export class ConflictRulesArgs extends PageArgs {
  @Field(() => ConflictRuleType, { nullable: true, description: 'Only rules of this type.' })
  type?: ConflictRuleType | null;

  @Field(() => Boolean, { nullable: true, description: 'Only enabled (true) or disabled (false) rules.' })
  enabled?: boolean | null;
}
