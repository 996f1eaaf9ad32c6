import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, Length, ValidateNested } from 'class-validator';
import { LedgerOwnerType } from '../ledger/ledger.enums';
import { LedgerOwnerInput } from '../transaction/ledger-transaction.inputs';
import { PaymentMethodKind } from '../withdrawal/withdrawal.enums';

@ObjectType({ description: 'A payment or payout method, shown masked: the account details stay with the provider (tokenized).' })
export class PaymentMethod {
  @Field(() => ID) id!: string;
  @Field(() => LedgerOwnerType) ownerType!: LedgerOwnerType;
  @Field(() => ID) ownerId!: string;
  @Field(() => PaymentMethodKind) kind!: PaymentMethodKind;
  @Field(() => String, { description: 'e.g. "•••• 4242", "k•••@example.com".' }) masked!: string;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
}

@InputType({
  description:
    'A payment method to add; `details` (IBAN or account number, PayPal email, Stripe account id) go to the provider, never to our database.',
})
export class AddPaymentMethodInput {
  @Field(() => LedgerOwnerInput) @ValidateNested() owner!: LedgerOwnerInput;
  @Field(() => PaymentMethodKind) kind!: PaymentMethodKind;
  @Field(() => String) @Length(3, 100) details!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) label?: string | null;
}
