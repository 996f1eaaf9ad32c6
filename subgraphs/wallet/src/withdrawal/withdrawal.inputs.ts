import { MoneyInput, PageArgs } from '@gametriggers/federation';
import { IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { WithdrawalStatus } from './withdrawal.enums';

@InputType({ description: "A streamer's request to be paid out to one of its payment methods." })
export class RequestWithdrawalInput {
  @Field(() => ID) @IsUUID('all', { message: 'streamerId must be a UUID' }) streamerId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'paymentMethodId must be a UUID' }) paymentMethodId!: string;
  @Field(() => MoneyInput) @ValidateNested() amount!: MoneyInput;
  @Field(() => String, { description: 'A key of 8 to 100 characters: retries with it request once.' })
  @Length(8, 100)
  idempotencyKey!: string;
}

@InputType({ description: "An admin's decision on a withdrawal waiting for approval." })
export class DecideWithdrawalInput {
  @Field(() => ID) @IsUUID('all', { message: 'withdrawalId must be a UUID' }) withdrawalId!: string;
  @Field(() => String, { nullable: true, description: 'Required to reject: why.' }) @IsOptional() @Length(1, 500) note?: string | null;
}

@ArgsType()
export class WithdrawalsArgs extends PageArgs {
  @Field(() => WithdrawalStatus, { nullable: true }) status?: WithdrawalStatus | null;
}
