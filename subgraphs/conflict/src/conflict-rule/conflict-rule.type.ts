import { Platform } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
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
}

@ObjectType({ description: 'A fairness rule between campaigns of different brands.' })
@Directive('@key(fields: "id")')
export class ConflictRule {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => ConflictRuleType) type!: ConflictRuleType;
  @Field(() => ConflictSeverity) severity!: ConflictSeverity;
  @Field(() => Int, { description: 'Lower numbers come first.' }) priority!: number;
  @Field(() => Boolean, { description: 'Disabled rules are kept but never applied.' }) enabled!: boolean;
  @Field(() => ConflictRuleConditions) conditions!: ConflictRuleConditions;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime) updatedAt!: Date;
}
