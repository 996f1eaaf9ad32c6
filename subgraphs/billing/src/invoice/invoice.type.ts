import { Connection, Money } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum InvoiceStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  PAID = 'PAID',
  VOID = 'VOID',
  OVERDUE = 'OVERDUE',
}
registerEnumType(InvoiceStatus, {
  name: 'InvoiceStatus',
  description: 'Where an invoice is in its life.',
  valuesConfig: {
    DRAFT: { description: 'Being written: lines can change, no number yet.' },
    ISSUED: { description: 'Sent to the brand with its number; waiting for payment.' },
    PAID: { description: 'Settled.' },
    VOID: { description: 'Cancelled; kept for the record.' },
    OVERDUE: { description: 'Issued and not paid by its due date (derived, not stored).' },
  },
});

@ObjectType({ description: 'Who an invoice is addressed to, as it was when the invoice was created.' })
export class InvoiceBillingAddress {
  @Field(() => String) name!: string;
  @Field(() => String) line1!: string;
  @Field(() => String, { nullable: true }) line2!: string | null;
  @Field(() => String) city!: string;
  @Field(() => String, { nullable: true }) region!: string | null;
  @Field(() => String) postalCode!: string;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' }) country!: string;
  @Field(() => String, { nullable: true, description: 'VAT / tax identification number.' }) taxId!: string | null;
}

@ObjectType({ description: 'One billed item: quantity x unit price.' })
export class InvoiceLine {
  @Field(() => ID) id!: string;
  @Field(() => String) description!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Money) unitPrice!: Money;
  @Field(() => Money, { description: 'quantity x unitPrice, exactly.' }) amount!: Money;
  @Field(() => ID, { nullable: true }) campaignId!: string | null;
}

@ObjectType({ description: 'A bill to a brand, in one currency.' })
@Directive('@key(fields: "id")')
export class Invoice {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'INV-<year>-<6 digits>; given when issued.' }) number!: string | null;
  @Field(() => ID) brandId!: string;
  @Field(() => InvoiceStatus) status!: InvoiceStatus;
  @Field(() => String, { description: 'ISO 4217 code of every amount on the invoice.' }) currency!: string;
  @Field(() => Money, { description: 'Sum of the lines.' }) subtotal!: Money;
  @Field(() => Int, { description: 'Tax rate in basis points: 2000 = 20 %.' }) taxRateBasisPoints!: number;
  @Field(() => Money, { description: 'subtotal x rate, rounded half up to the minor unit.' }) tax!: Money;
  @Field(() => Money, { description: 'subtotal + tax.' }) total!: Money;
  @Field(() => Int, { description: 'Days from issue to due date.' }) dueInDays!: number;
  @Field(() => InvoiceBillingAddress, { nullable: true }) billingAddress!: InvoiceBillingAddress | null;
  @Field(() => GraphQLDateTime, { nullable: true }) issuedAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) dueAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) paidAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) voidedAt!: Date | null;
  @Field(() => String, { nullable: true }) voidReason!: string | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime) updatedAt!: Date;
}

@ObjectType()
export class InvoiceConnection extends Connection(Invoice) {}
