import { CATEGORY_PATTERN, COUNTRY_PATTERN, Platform } from '@gametriggers/federation';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'What custom rules may ask about a streamer (`streamer.*`).' })
export class StreamerFactsInput {
  @Field(() => ID) @IsUUID('all', { message: 'streamerId must be a streamer id' }) streamerId!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @IsOptional()
  @Matches(COUNTRY_PATTERN, { message: 'country must be an ISO 3166-1 alpha-2 code like "DE"' })
  country?: string | null;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100_000_000) averageViewers?: number | null;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @Matches(CATEGORY_PATTERN, { each: true, message: 'categories must be lowercase slugs like "fps"' })
  categories!: string[];

  @Field(() => [Platform], { defaultValue: [] }) platforms!: Platform[];
}

@ObjectType({ description: "This subgraph's copy of what custom rules may ask about a streamer." })
export class StreamerFacts {
  @Field(() => ID) streamerId!: string;
  @Field(() => String, { nullable: true }) country!: string | null;
  @Field(() => Int, { nullable: true }) averageViewers!: number | null;
  @Field(() => [String]) categories!: string[];
  @Field(() => [Platform]) platforms!: Platform[];
}
