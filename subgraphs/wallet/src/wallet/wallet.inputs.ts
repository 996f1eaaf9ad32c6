import { PageArgs } from '@gametriggers/federation';
import { ArgsType, Field } from 'type-graphql';
import { LedgerTransactionKind } from '../ledger/ledger.enums';

@ArgsType()
export class WalletTransactionsArgs extends PageArgs {
  @Field(() => LedgerTransactionKind, { nullable: true, description: 'Only transactions of this kind.' })
  kind?: LedgerTransactionKind | null;
}
