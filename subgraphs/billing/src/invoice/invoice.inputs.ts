import { COUNTRY_PATTERN, MoneyInput, PageArgs } from '@gametriggers/federation';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { InvoiceStatus } from './invoice.type';

/** Most lines one invoice may have. */
export const MAX_LINES = 100;

@InputType({ description: 'One billed item.' })
export class InvoiceLineInput {
  @Field(() => String) @Length(1, 500) description!: string;
  @Field(() => Int) @IsInt() @Min(1, { message: 'quantity must be at least 1' }) @Max(1_000_000) quantity!: number;
  @Field(() => MoneyInput, { description: "In the invoice's currency." }) @ValidateNested() unitPrice!: MoneyInput;
  @Field(() => ID, { nullable: true, description: 'The campaign billed, if any.' })
  @IsOptional()
  @IsUUID('all', { message: 'campaignId must be a UUID' })
  campaignId?: string | null;
}

@InputType({ description: 'Who the invoice is addressed to; copied onto the invoice.' })
export class InvoiceBillingAddressInput {
  @Field(() => String) @Length(1, 200) name!: string;
  @Field(() => String) @Length(1, 200) line1!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) line2?: string | null;
  @Field(() => String) @Length(1, 100) city!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) region?: string | null;
  @Field(() => String) @Length(1, 20) postalCode!: string;
  @Field(() => String) @Matches(COUNTRY_PATTERN, { message: 'country must be an ISO 3166-1 alpha-2 code' }) country!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(2, 40) taxId?: string | null;
}

@InputType()
export class CreateInvoiceInput {
  @Field(() => ID) @IsUUID('all', { message: 'brandId must be a UUID' }) brandId!: string;
  @Field(() => String) @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code' }) currency!: string;
  @Field(() => [InvoiceLineInput], { defaultValue: [] })
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  lines!: InvoiceLineInput[];
  @Field(() => Int, { defaultValue: 0, description: 'Tax rate in basis points, 0 to 10000 (2000 = 20 %).' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  taxRateBasisPoints!: number;
  @Field(() => Int, { defaultValue: 30, description: 'Days from issue to due date, 0 to 365.' })
  @IsInt()
  @Min(0)
  @Max(365)
  dueInDays!: number;
  @Field(() => InvoiceBillingAddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  billingAddress?: InvoiceBillingAddressInput | null;
}

@ArgsType()
export class BrandInvoicesArgs extends PageArgs {
  @Field(() => InvoiceStatus, { nullable: true, description: 'Only invoices in this status (OVERDUE: issued and past due).' })
  status?: InvoiceStatus | null;
}

@ArgsType()
export class InvoicesArgs extends BrandInvoicesArgs {
  @Field(() => ID, { nullable: true, description: "Only this brand's invoices." })
  @IsOptional()
  @IsUUID('all', { message: 'brandId must be a UUID' })
  brandId?: string | null;
}
