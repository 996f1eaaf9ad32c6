import { CATEGORY_PATTERN } from '@gametriggers/federation';
import { ArrayMaxSize, IsUUID, Matches } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

@InputType({ description: 'What the conflict rules know of a brand: the categories all its campaigns inherit.' })
export class BrandFactsInput {
  @Field(() => ID) @IsUUID('all', { message: 'brandId must be a brand id' }) brandId!: string;

  @Field(() => [String])
  @ArrayMaxSize(50)
  @Matches(CATEGORY_PATTERN, { each: true, message: 'categories must be lowercase slugs like "energy-drinks"' })
  categories!: string[];
}

@ObjectType({ description: "This subgraph's copy of a brand's categories, inherited by its campaigns." })
export class BrandFacts {
  @Field(() => ID) brandId!: string;
  @Field(() => [String]) categories!: string[];
}
