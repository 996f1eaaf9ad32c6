import { MoneyInput } from '@gametriggers/federation';
import { IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LedgerOwnerType } from '../ledger/ledger.enums';

const IDEMPOTENCY_KEY = 'A key of 8 to 100 characters chosen by the client, unique per intended movement: retries with it move money once.';

@InputType({ description: 'A brand or streamer whose wallet takes part in a movement.' })
export class LedgerOwnerInput {
  @Field(() => LedgerOwnerType) ownerType!: LedgerOwnerType;
  @Field(() => ID) @IsUUID('all', { message: 'ownerId must be a UUID' }) ownerId!: string;
}

@InputType({ description: "Money a brand paid in through the payment provider, credited to the brand's available balance." })
export class DepositFundsInput {
  @Field(() => ID) @IsUUID('all', { message: 'brandId must be a UUID' }) brandId!: string;
  @Field(() => MoneyInput) @ValidateNested() amount!: MoneyInput;
  @Field(() => String, { description: IDEMPOTENCY_KEY }) @Length(8, 100) idempotencyKey!: string;
  @Field(() => String, { description: "The payment provider's reference of the payment." }) @Length(1, 200) reference!: string;
}

@InputType({ description: 'Moves available money from one wallet to another.' })
export class TransferFundsInput {
  @Field(() => LedgerOwnerInput) @ValidateNested() from!: LedgerOwnerInput;
  @Field(() => LedgerOwnerInput) @ValidateNested() to!: LedgerOwnerInput;
  @Field(() => MoneyInput) @ValidateNested() amount!: MoneyInput;
  @Field(() => String, { description: IDEMPOTENCY_KEY }) @Length(8, 100) idempotencyKey!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 500) description?: string | null;
}

@InputType({ description: "Moves a brand's money between available and held (reserved for campaigns)." })
export class BrandHoldInput {
  @Field(() => ID) @IsUUID('all', { message: 'brandId must be a UUID' }) brandId!: string;
  @Field(() => MoneyInput) @ValidateNested() amount!: MoneyInput;
  @Field(() => String, { description: IDEMPOTENCY_KEY }) @Length(8, 100) idempotencyKey!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 500) description?: string | null;
}
