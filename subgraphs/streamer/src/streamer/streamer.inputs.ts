import { AgeRange, CATEGORY_PATTERN, COUNTRY_PATTERN, LANGUAGE_PATTERN, PageArgs, Platform } from '@gametriggers/federation';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsOptional,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';

const HTTPS_URL = { protocols: ['https'], require_protocol: true };
/** Bigger than any channel today, small enough that a sum over four platforms stays a GraphQL Int. */
const MAX_FOLLOWERS = 500_000_000;
const MAX_VIEWERS = 50_000_000;

@InputType()
export class StreamerDemographicsInput {
  @Field(() => String) @Matches(COUNTRY_PATTERN, { message: 'country must be an ISO 3166-1 alpha-2 code' }) country!: string;

  @Field(() => [String])
  @ArrayMinSize(1, { message: 'languages needs at least one language' })
  @ArrayMaxSize(20)
  @Matches(LANGUAGE_PATTERN, { each: true, message: 'languages must be ISO 639-1 codes' })
  languages!: string[];

  @Field(() => [AgeRange], { defaultValue: [] }) audienceAgeRanges!: AgeRange[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(30)
  @Matches(CATEGORY_PATTERN, { each: true, message: 'interests must be lowercase slugs like "pc-hardware"' })
  interests!: string[];
}

@InputType({ description: "A streamer's channel on one platform; the numbers as the platform reports them." })
export class StreamerPlatformInput {
  @Field(() => Platform) platform!: Platform;

  @Field(() => String)
  @Matches(/^@?[A-Za-z0-9_.-]{2,50}$/, { message: 'username must be 2-50 letters, digits, "_", "." or "-"' })
  username!: string;

  @Field(() => String) @IsUrl(HTTPS_URL, { message: 'channelUrl must be an https URL' }) channelUrl!: string;
  @Field(() => Int) @Min(0) @Max(MAX_FOLLOWERS) followers!: number;
  @Field(() => Int) @Min(0) @Max(MAX_VIEWERS) averageViewers!: number;
  @Field(() => Int, { description: 'Must be at least averageViewers.' }) @Min(0) @Max(MAX_VIEWERS) peakViewers!: number;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @Matches(CATEGORY_PATTERN, { each: true, message: 'categories must be lowercase slugs like "fps"' })
  categories!: string[];
}

@InputType()
export class CreateStreamerInput {
  @Field(() => String, { description: 'Unique, ignoring case.' }) @Length(2, 40) displayName!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) bio?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl(HTTPS_URL, { message: 'avatarUrl must be an https URL' }) avatarUrl?:
    string | null;
  @Field(() => String) @IsEmail({}, { message: 'contactEmail must be an email address' }) contactEmail!: string;
  @Field(() => StreamerDemographicsInput) @ValidateNested() demographics!: StreamerDemographicsInput;

  @Field(() => [StreamerPlatformInput], { defaultValue: [], description: 'At most one per platform.' })
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  platforms!: StreamerPlatformInput[];
}

@InputType({ description: 'Only the fields given change; demographics are replaced whole.' })
export class UpdateStreamerInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 40) displayName?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) bio?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl(HTTPS_URL, { message: 'avatarUrl must be an https URL' }) avatarUrl?:
    string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'contactEmail must be an email address' })
  contactEmail?: string;
  @Field(() => StreamerDemographicsInput, { nullable: true }) @IsOptional() @ValidateNested() demographics?: StreamerDemographicsInput;
}

@ArgsType()
export class StreamersArgs extends PageArgs {
  @Field(() => Platform, { nullable: true, description: 'Only streamers with a profile on this platform.' })
  platform?: Platform | null;

  @Field(() => String, { nullable: true, description: 'Only streamers with a profile in this category.' })
  @IsOptional()
  @Matches(CATEGORY_PATTERN, { message: 'category must be a lowercase slug like "fps"' })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'Only streamers whose main audience is in this country.' })
  @IsOptional()
  @Matches(COUNTRY_PATTERN, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only streamers with a profile averaging at least this many viewers.' })
  @IsOptional()
  @Min(0)
  minAverageViewers?: number | null;
}
