import { Money } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { LedgerAccountKind, LedgerTransactionKind } from '../ledger/ledger.enums';

@ObjectType({ description: "One entry on the owner's accounts, with the owner's balance (available + held) after it." })
export class StatementLine {
  @Field(() => ID) transactionId!: string;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => LedgerTransactionKind) kind!: LedgerTransactionKind;
  @Field(() => String) description!: string;
  @Field(() => LedgerAccountKind) accountKind!: LedgerAccountKind;
  @Field(() => Money) amount!: Money;
  @Field(() => Money) balanceAfter!: Money;
}

@ObjectType({ description: 'A statement in one currency: opening balance + credits - debits = closing balance.' })
export class CurrencyStatement {
  @Field(() => String) currency!: string;
  @Field(() => Money) openingBalance!: Money;
  @Field(() => Money) credits!: Money;
  @Field(() => Money) debits!: Money;
  @Field(() => Money) closingBalance!: Money;
  @Field(() => [StatementLine]) lines!: StatementLine[];
}

@ObjectType({ description: "An owner's statement for a period [from, to), per currency, rebuilt from the journal." })
export class WalletStatement {
  @Field(() => GraphQLDateTime) from!: Date;
  @Field(() => GraphQLDateTime) to!: Date;
  @Field(() => [CurrencyStatement]) currencies!: CurrencyStatement[];
  @Field(() => String, { description: 'The same statement as CSV (RFC 4180, CRLF): OPENING, entry and CLOSING rows per currency.' })
  csv!: string;
}
