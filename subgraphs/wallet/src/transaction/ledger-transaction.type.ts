import { Connection, Money } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LedgerAccountKind, LedgerOwnerType, LedgerTransactionKind } from '../ledger/ledger.enums';

@ObjectType({ description: 'One side of a ledger transaction: an amount credited (positive) or debited (negative) to one account.' })
export class LedgerEntry {
  @Field(() => ID) id!: string;
  @Field(() => LedgerAccountKind) accountKind!: LedgerAccountKind;
  @Field(() => LedgerOwnerType) ownerType!: LedgerOwnerType;
  @Field(() => ID, { nullable: true, description: 'Null for platform accounts.' }) ownerId!: string | null;
  @Field(() => Money, { description: 'Signed: positive credits the account, negative debits it.' }) amount!: Money;
  @Field(() => String) currency!: string;
}

@ObjectType({ description: 'The exchange rate a CONVERSION used, exactly as applied.' })
export class FxRate {
  @Field(() => String, { description: 'Units of `to` per unit of `from`, an exact decimal.' }) rate!: string;
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
}

@ObjectType({ description: 'A movement of money: entries that sum to zero per currency. Never changed once written.' })
@Directive('@key(fields: "id")')
export class LedgerTransaction {
  @Field(() => ID) id!: string;
  @Field(() => LedgerTransactionKind) kind!: LedgerTransactionKind;
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'The key the client sent; retries with it return this transaction.' }) idempotencyKey!: string;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => FxRate, { nullable: true, description: 'For a CONVERSION: the rate used.' }) fx!: FxRate | null;
  /** Loaded by a field resolver. */
  reversesId!: string | null;
  /** Shown to admins only (field resolver). */
  createdByActor!: string | null;
}

@ObjectType()
export class LedgerTransactionConnection extends Connection(LedgerTransaction) {}
