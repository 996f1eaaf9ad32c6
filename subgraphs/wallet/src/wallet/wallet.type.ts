import { Money } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { LedgerOwnerType } from '../ledger/ledger.enums';

@ObjectType({ description: "A wallet's money in one currency." })
export class WalletBalance {
  @Field(() => String, { description: 'ISO 4217 code.' }) currency!: string;
  @Field(() => Money, { description: 'Spendable now.' }) available!: Money;
  @Field(() => Money, { description: 'Reserved for campaigns (brands).' }) held!: Money;
  @Field(() => Money, { description: "Everything in the wallet's accounts of this currency." }) total!: Money;
}

@ObjectType({ description: 'The money of one owner (brand, streamer or the platform), kept in a double-entry ledger.' })
@Directive('@key(fields: "id")')
export class Wallet {
  @Field(() => ID) id!: string;
  @Field(() => LedgerOwnerType) ownerType!: LedgerOwnerType;
  @Field(() => ID, { nullable: true, description: 'The brand or streamer id; null for the platform.' }) ownerId!: string | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
}
