import { AgeRange, MoneyInput, Platform } from '@gametriggers/federation';
import { IsEmail, MaxLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

// The profiles mirror CreateBrandInput and CreateStreamerInput field for field, under names of the
// identity subgraph: GraphQL checks their shape (types, required fields) here, and the brand or
// streamer subgraph applies its own rules when the registration reaches it.

@InputType({ description: "A brand's postal address (the brand subgraph's PostalAddressInput)." })
export class BrandProfileAddressInput {
  @Field(() => String) line1!: string;
  @Field(() => String, { nullable: true }) line2?: string | null;
  @Field(() => String) city!: string;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String) postalCode!: string;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' }) country!: string;
}

@InputType({ description: "Who to talk to at the brand (the brand subgraph's ContactPersonInput)." })
export class BrandProfileContactInput {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

@InputType({ description: "The brand subgraph's BillingDetailsInput." })
export class BrandProfileBillingInput {
  @Field(() => BrandProfileAddressInput) address!: BrandProfileAddressInput;
  @Field(() => String, { nullable: true }) taxId?: string | null;
}

@InputType({ description: "The brand subgraph's BudgetRangeInput." })
export class BrandProfileBudgetRangeInput {
  @Field(() => MoneyInput) min!: MoneyInput;
  @Field(() => MoneyInput) max!: MoneyInput;
}

@InputType({ description: "The brand subgraph's MarketingPreferencesInput." })
export class BrandProfileMarketingInput {
  @Field(() => [String], { defaultValue: [] }) countries!: string[];
  @Field(() => [String], { defaultValue: [] }) languages!: string[];
  @Field(() => [AgeRange], { defaultValue: [] }) ageRanges!: AgeRange[];
  @Field(() => [String], { defaultValue: [] }) contentCategories!: string[];
  @Field(() => BrandProfileBudgetRangeInput, { nullable: true }) budgetRange?: BrandProfileBudgetRangeInput | null;
}

@InputType({ description: 'The brand to create: the fields of CreateBrandInput, validated by the brand subgraph.' })
export class BrandProfileInput {
  @Field(() => String) companyName!: string;
  @Field(() => String) industry!: string;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => BrandProfileContactInput) contact!: BrandProfileContactInput;
  @Field(() => BrandProfileBillingInput) billing!: BrandProfileBillingInput;
  @Field(() => BrandProfileMarketingInput, { nullable: true }) marketingPreferences?: BrandProfileMarketingInput | null;
}

@InputType({ description: "The streamer subgraph's StreamerDemographicsInput." })
export class StreamerProfileDemographicsInput {
  @Field(() => String) country!: string;
  @Field(() => [String]) languages!: string[];
  @Field(() => [AgeRange], { defaultValue: [] }) audienceAgeRanges!: AgeRange[];
  @Field(() => [String], { defaultValue: [] }) interests!: string[];
}

@InputType({ description: "The streamer subgraph's StreamerPlatformInput." })
export class StreamerProfilePlatformInput {
  @Field(() => Platform) platform!: Platform;
  @Field(() => String) username!: string;
  @Field(() => String) channelUrl!: string;
  @Field(() => Int) followers!: number;
  @Field(() => Int) averageViewers!: number;
  @Field(() => Int) peakViewers!: number;
  @Field(() => [String], { defaultValue: [] }) categories!: string[];
}

@InputType({ description: 'The streamer to create: the fields of CreateStreamerInput, validated by the streamer subgraph.' })
export class StreamerProfileInput {
  @Field(() => String, { description: 'Unique, ignoring case: a taken name fails the registration.' }) displayName!: string;
  @Field(() => String, { nullable: true }) bio?: string | null;
  @Field(() => String, { nullable: true }) avatarUrl?: string | null;
  @Field(() => String) contactEmail!: string;
  @Field(() => StreamerProfileDemographicsInput) demographics!: StreamerProfileDemographicsInput;
  @Field(() => [StreamerProfilePlatformInput], { defaultValue: [] }) platforms!: StreamerProfilePlatformInput[];
}

const PASSWORD_DESCRIPTION = '12 to 128 characters, mixing at least two of lowercase, uppercase, digits and others, and not the email.';

@InputType()
export class RegisterBrandInput {
  @Field(() => String, { description: 'Stored lowercase; one brand account per email (refused registrations aside).' })
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @Field(() => String, { description: PASSWORD_DESCRIPTION }) password!: string;
  @Field(() => BrandProfileInput) brand!: BrandProfileInput;
}

@InputType()
export class RegisterStreamerInput {
  @Field(() => String, { description: 'Stored lowercase; one streamer account per email (refused registrations aside).' })
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @Field(() => String, { description: PASSWORD_DESCRIPTION }) password!: string;
  @Field(() => StreamerProfileInput) streamer!: StreamerProfileInput;
}
