import { Platform } from '@gametriggers/federation';
import { GraphQLDateTime, GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BrandReference } from '../brand/brand.type';
import { ConflictRuleType, ConflictSeverity } from '../generated/prisma/enums';

export { ConflictRuleType, ConflictSeverity };

registerEnumType(ConflictRuleType, {
  name: 'ConflictRuleType',
  description: 'What a fairness rule looks for between two campaigns of different brands whose windows overlap.',
  valuesConfig: {
    TIME_OVERLAP: { description: 'The campaigns book a streamer in common, overlapping by at least the minimum.' },
    CATEGORY_CONFLICT: { description: "Both campaigns are in the rule's competing categories." },
    PLATFORM_EXCLUSIVITY: { description: 'One campaign is of the brand holding exclusivity on the platform, and both run there.' },
    FREQUENCY_CAP: { description: 'A streamer would carry more than maxCampaigns campaigns within one periodMinutes-long period.' },
    CUSTOM: { description: 'A condition over the campaign, another campaign and a streamer, defined as data (`when`).' },
  },
});

registerEnumType(ConflictSeverity, {
  name: 'ConflictSeverity',
  description: 'What a conflict means for the campaign.',
  valuesConfig: {
    BLOCK: { description: 'The campaigns must not run together.' },
    WARN: { description: 'Allowed, but worth a look.' },
  },
});

@ObjectType({ description: "What a rule matches on; only the fields of the rule's type are set." })
export class ConflictRuleConditions {
  @Field(() => [String], { nullable: true, description: 'CATEGORY_CONFLICT: two or more competing category slugs.' })
  competingCategories!: string[] | null;

  @Field(() => BrandReference, { nullable: true, description: 'PLATFORM_EXCLUSIVITY: the brand that holds exclusivity.' })
  exclusiveBrand!: BrandReference | null;

  @Field(() => Platform, { nullable: true, description: 'PLATFORM_EXCLUSIVITY: the platform it holds.' })
  platform!: Platform | null;

  @Field(() => Int, { nullable: true, description: 'TIME_OVERLAP: the least overlap that counts, in minutes; null means any.' })
  minimumOverlapMinutes!: number | null;

  @Field(() => Int, { nullable: true, description: 'FREQUENCY_CAP: the most campaigns a streamer may carry within the period.' })
  maxCampaigns!: number | null;

  @Field(() => Int, { nullable: true, description: 'FREQUENCY_CAP: the sliding period in minutes; 0 means at the same instant.' })
  periodMinutes!: number | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'CUSTOM: the condition tree.' })
  when!: Record<string, unknown> | null;
}

@ObjectType({ description: 'A fairness rule of the conflict engine (see docs/conflicts.md).' })
@Directive('@key(fields: "id")')
export class ConflictRule {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => ConflictRuleType) type!: ConflictRuleType;
  @Field(() => ConflictSeverity) severity!: ConflictSeverity;
  @Field(() => Int, { description: 'Lower numbers come first.' }) priority!: number;
  @Field(() => Boolean, { description: 'Disabled rules are kept but never applied.' }) enabled!: boolean;
  @Field(() => Boolean, { description: "Whether a brand's own campaigns are checked against each other too (default false)." })
  includeSameAdvertiser!: boolean;
  @Field(() => ConflictRuleConditions) conditions!: ConflictRuleConditions;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime) updatedAt!: Date;
}
