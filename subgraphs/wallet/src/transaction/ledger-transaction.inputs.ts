import { MoneyInput } from '@gametriggers/federation';
import { IsIn, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { LedgerOwnerType } from '../ledger/ledger.enums';

/** Keys the wallet derives for its own postings (`withdrawal:<id>:<step>`, `campaign-release:<id>`, `campaign-budget:<id>:<step>`) are not for clients. */
const CLIENT_KEY = /^(?!withdrawal:|campaign-release:|campaign-budget:)/;
const CLIENT_KEY_MESSAGE = { message: 'idempotencyKey may not start with "withdrawal:", "campaign-release:" or "campaign-budget:"' };

const IDEMPOTENCY_KEY =
  'A key of 8 to 100 characters chosen by the client, unique per intended movement: retries with it move money once (kept forever, well beyond 24 hours).';

export enum BalanceName {
  AVAILABLE = 'AVAILABLE',
  HELD = 'HELD',
  TOTAL = 'TOTAL',
}
export enum ConditionOperator {
  GTE = 'GTE',
  GT = 'GT',
  EQ = 'EQ',
  LTE = 'LTE',
  LT = 'LT',
}
registerEnumType(BalanceName, {
  name: 'BalanceName',
  description: 'Which balance of a wallet in a currency: available, held, or their total.',
});
registerEnumType(ConditionOperator, {
  name: 'ConditionOperator',
  description: 'Comparison of a balance condition: balance <operator> amount.',
});

@InputType({ description: 'A brand or streamer whose wallet takes part in a movement.' })
export class LedgerOwnerInput {
  @Field(() => LedgerOwnerType)
  @IsIn([LedgerOwnerType.BRAND, LedgerOwnerType.STREAMER], { message: 'ownerType must be BRAND or STREAMER' })
  ownerType!: LedgerOwnerType;
  @Field(() => ID) @IsUUID('all', { message: 'ownerId must be a UUID' }) ownerId!: string;
}

@InputType({
  description:
    "A condition on a wallet's balance, checked atomically with the movement on the balances as they are just before it: all must hold, or nothing moves (BALANCE_CONDITION_FAILED naming the condition).",
})
export class BalanceConditionInput {
  @Field(() => LedgerOwnerInput, { nullable: true, description: 'Whose balance; default the wallet the movement debits.' })
  @IsOptional()
  @ValidateNested()
  owner?: LedgerOwnerInput | null;
  @Field(() => BalanceName) balance!: BalanceName;
  @Field(() => ConditionOperator) operator!: ConditionOperator;
  @Field(() => MoneyInput, { description: 'Compared with the balance in this currency (zero allowed).' })
  @ValidateNested()
  amount!: MoneyInput;
}

@InputType({ description: "Money a brand paid in through the payment provider, credited to the brand's available balance." })
export class DepositFundsInput {
  @Field(() => ID) @IsUUID('all', { message: 'brandId must be a UUID' }) brandId!: string;
  @Field(() => MoneyInput) @ValidateNested() amount!: MoneyInput;
  @Field(() => String, { description: IDEMPOTENCY_KEY }) @Length(8, 100) @Matches(CLIENT_KEY, CLIENT_KEY_MESSAGE) idempotencyKey!: string;
  @Field(() => String, { description: "The payment provider's reference of the payment." }) @Length(1, 200) reference!: string;
}

@InputType({ description: 'Moves available money from one wallet to another.' })
export class TransferFundsInput {
  @Field(() => LedgerOwnerInput) @ValidateNested() from!: LedgerOwnerInput;
  @Field(() => LedgerOwnerInput) @ValidateNested() to!: LedgerOwnerInput;
  @Field(() => MoneyInput) @ValidateNested() amount!: MoneyInput;
  @Field(() => String, { description: IDEMPOTENCY_KEY }) @Length(8, 100) @Matches(CLIENT_KEY, CLIENT_KEY_MESSAGE) idempotencyKey!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 500) description?: string | null;
  @Field(() => [BalanceConditionInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) conditions?:
    BalanceConditionInput[] | null;
}

@InputType({ description: "Moves a brand's money between available and held (reserved for campaigns), or captures held money." })
export class BrandHoldInput {
  @Field(() => ID) @IsUUID('all', { message: 'brandId must be a UUID' }) brandId!: string;
  @Field(() => MoneyInput) @ValidateNested() amount!: MoneyInput;
  @Field(() => String, { description: IDEMPOTENCY_KEY }) @Length(8, 100) @Matches(CLIENT_KEY, CLIENT_KEY_MESSAGE) idempotencyKey!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 500) description?: string | null;
  @Field(() => [BalanceConditionInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) conditions?:
    BalanceConditionInput[] | null;
}

@InputType({ description: "A streamer's earnings on a brand's campaign, paid from the brand's held money less the platform fee." })
export class CreditEarningsInput {
  @Field(() => ID) @IsUUID('all', { message: 'brandId must be a UUID' }) brandId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'streamerId must be a UUID' }) streamerId!: string;
  @Field(() => MoneyInput, { description: 'What the brand pays, fee included.' }) @ValidateNested() amount!: MoneyInput;
  @Field(() => Int, { description: "The platform's share in basis points (1000 = 10 %), rounded half up to the minor unit." })
  feeBasisPoints!: number;
  @Field(() => String, { description: IDEMPOTENCY_KEY }) @Length(8, 100) @Matches(CLIENT_KEY, CLIENT_KEY_MESSAGE) idempotencyKey!: string;
  @Field(() => String) @Length(1, 500) description!: string;
  @Field(() => ID, { nullable: true, description: 'The campaign the earnings are for.' })
  @IsOptional()
  @IsUUID('all', { message: 'campaignId must be a UUID' })
  campaignId?: string | null;
}

@InputType({ description: "A fee the platform charges a brand or streamer, from its available balance to the platform's revenue." })
export class ChargePlatformFeeInput {
  @Field(() => LedgerOwnerInput) @ValidateNested() owner!: LedgerOwnerInput;
  @Field(() => MoneyInput) @ValidateNested() amount!: MoneyInput;
  @Field(() => String, { description: IDEMPOTENCY_KEY }) @Length(8, 100) @Matches(CLIENT_KEY, CLIENT_KEY_MESSAGE) idempotencyKey!: string;
  @Field(() => String) @Length(1, 500) description!: string;
}

@InputType({ description: "Converts available money of a wallet into another currency at the wallet's configured rate." })
export class ConvertCurrencyInput {
  @Field(() => LedgerOwnerInput) @ValidateNested() owner!: LedgerOwnerInput;
  @Field(() => MoneyInput, { description: 'The amount to sell.' }) @ValidateNested() amount!: MoneyInput;
  @Field(() => String) @Matches(/^[A-Z]{3}$/, { message: 'toCurrency must be a three-letter ISO 4217 code' }) toCurrency!: string;
  @Field(() => String, { description: IDEMPOTENCY_KEY }) @Length(8, 100) @Matches(CLIENT_KEY, CLIENT_KEY_MESSAGE) idempotencyKey!: string;
}

@InputType({ description: 'Reverses a transaction: a new transaction with every entry negated. Corrections are never edits.' })
export class ReverseTransactionInput {
  @Field(() => ID) @IsUUID('all', { message: 'transactionId must be a UUID' }) transactionId!: string;
  @Field(() => String) @Length(1, 500) reason!: string;
  @Field(() => String, { description: IDEMPOTENCY_KEY }) @Length(8, 100) @Matches(CLIENT_KEY, CLIENT_KEY_MESSAGE) idempotencyKey!: string;
}
