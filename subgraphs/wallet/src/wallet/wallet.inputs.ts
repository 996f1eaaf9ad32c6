import { PageArgs } from '@gametriggers/federation';
import { IsOptional, Matches } from 'class-validator';
import { GraphQLDateTime } from 'graphql-scalars';
import { ArgsType, Field } from 'type-graphql';
import { LedgerTransactionKind } from '../ledger/ledger.enums';

@ArgsType()
export class WalletTransactionsArgs extends PageArgs {
  @Field(() => LedgerTransactionKind, { nullable: true, description: 'Only transactions of this kind.' })
  kind?: LedgerTransactionKind | null;

  @Field(() => String, { nullable: true, description: 'Only transactions with an entry in this currency.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code' })
  currency?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Only transactions at or after this instant.' })
  since?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Only transactions before this instant.' })
  until?: Date | null;
}
