import { AgeRange, CATEGORY_PATTERN, COUNTRY_PATTERN, LANGUAGE_PATTERN, MoneyInput } from '@gametriggers/federation';
import { ArrayMaxSize, IsEmail, IsOptional, IsUrl, Length, Matches, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class PostalAddressInput {
  @Field(() => String) @Length(1, 200) line1!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) line2?: string | null;
  @Field(() => String) @Length(1, 100) city!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) region?: string | null;
  @Field(() => String) @Length(1, 20) postalCode!: string;
  @Field(() => String) @Matches(COUNTRY_PATTERN, { message: 'country must be an ISO 3166-1 alpha-2 code' }) country!: string;
}

@InputType()
export class ContactPersonInput {
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => String) @IsEmail({}, { message: 'email must be an email address' }) email!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,20}$/, { message: 'phone is not a phone number' })
  phone?: string | null;
}

@InputType()
export class BillingDetailsInput {
  @Field(() => PostalAddressInput) @ValidateNested() address!: PostalAddressInput;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 40) taxId?: string | null;
}

@InputType()
export class BudgetRangeInput {
  @Field(() => MoneyInput) @ValidateNested() min!: MoneyInput;
  @Field(() => MoneyInput) @ValidateNested() max!: MoneyInput;
}

@InputType()
export class MarketingPreferencesInput {
  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(250)
  @Matches(COUNTRY_PATTERN, { each: true, message: 'countries must be ISO 3166-1 alpha-2 codes' })
  countries!: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @Matches(LANGUAGE_PATTERN, { each: true, message: 'languages must be ISO 639-1 codes' })
  languages!: string[];

  @Field(() => [AgeRange], { defaultValue: [] }) ageRanges!: AgeRange[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @Matches(CATEGORY_PATTERN, { each: true, message: 'contentCategories must be lowercase slugs like "fps"' })
  contentCategories!: string[];

  @Field(() => BudgetRangeInput, { nullable: true }) @IsOptional() @ValidateNested() budgetRange?: BudgetRangeInput | null;
}

@InputType()
export class CreateBrandInput {
  @Field(() => String) @Length(1, 200) companyName!: string;
  @Field(() => String) @Length(1, 100) industry!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl({}, { message: 'website must be a URL' }) website?: string | null;
  @Field(() => ContactPersonInput) @ValidateNested() contact!: ContactPersonInput;
  @Field(() => BillingDetailsInput) @ValidateNested() billing!: BillingDetailsInput;
  @Field(() => MarketingPreferencesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  marketingPreferences?: MarketingPreferencesInput | null;
}

@InputType({ description: 'Only the fields given change; nested groups are replaced whole.' })
export class UpdateBrandInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) companyName?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) industry?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl({}, { message: 'website must be a URL' }) website?: string | null;
  @Field(() => ContactPersonInput, { nullable: true }) @IsOptional() @ValidateNested() contact?: ContactPersonInput;
  @Field(() => BillingDetailsInput, { nullable: true }) @IsOptional() @ValidateNested() billing?: BillingDetailsInput;
  @Field(() => MarketingPreferencesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  marketingPreferences?: MarketingPreferencesInput;
}
