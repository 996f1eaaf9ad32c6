import { GraphQLDateTime, GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An account whose stored balance is not what its entries say (or is below zero when it may not be).' })
export class BalanceMismatchReport {
  @Field(() => ID) accountId!: string;
  @Field(() => String) ownerType!: string;
  @Field(() => ID, { nullable: true }) ownerId!: string | null;
  @Field(() => String) kind!: string;
  @Field(() => String) currency!: string;
  @Field(() => GraphQLSafeInt) storedMinor!: number;
  @Field(() => GraphQLSafeInt) journalMinor!: number;
}

@ObjectType({ description: 'A transaction whose entries do not sum to zero in a currency.' })
export class UnbalancedTransactionReport {
  @Field(() => ID) transactionId!: string;
  @Field(() => String) currency!: string;
  @Field(() => GraphQLSafeInt) sumMinor!: number;
}

@ObjectType({ description: 'A payout on which the wallet, its ledger and the provider disagree.' })
export class SettlementMismatchReport {
  @Field(() => ID, { nullable: true }) withdrawalId!: string | null;
  @Field(() => String, { nullable: true }) reference!: string | null;
  @Field(() => String) problem!: string;
}

@ObjectType({ description: 'What reconciliation found: every difference, none fixed.' })
export class ReconciliationReportType {
  @Field(() => GraphQLDateTime) ranAt!: Date;
  @Field(() => Boolean, { description: 'True when no difference was found.' }) ok!: boolean;
  @Field(() => Int) accountsChecked!: number;
  @Field(() => Int) transactionsChecked!: number;
  @Field(() => Int) settlementsChecked!: number;
  @Field(() => [BalanceMismatchReport]) balanceMismatches!: BalanceMismatchReport[];
  @Field(() => [UnbalancedTransactionReport]) unbalancedTransactions!: UnbalancedTransactionReport[];
  @Field(() => [ID]) emptyTransactions!: string[];
  @Field(() => [BalanceMismatchReport]) negativeBalances!: BalanceMismatchReport[];
  @Field(() => [SettlementMismatchReport]) settlementMismatches!: SettlementMismatchReport[];
}
