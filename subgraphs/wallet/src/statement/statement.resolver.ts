import { Money } from '@gametriggers/federation';
import { IsOptional, Matches } from 'class-validator';
import { GraphQLDateTime } from 'graphql-scalars';
import { Arg, Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import { requireOwnerAdminOrService } from '../access/access';
import type { Context } from '../context';
import { LedgerOwnerInput } from '../transaction/ledger-transaction.inputs';
import { ownerOfInput } from '../transaction/parse-conditions';
import { buildStatement } from './build-statement';
import { statementCsv } from './statement-csv';
import { WalletStatement } from './statement.type';

@ArgsType()
class StatementArgs {
  @Field(() => GraphQLDateTime, { description: 'Start of the period (included).' }) from!: Date;
  @Field(() => GraphQLDateTime, { description: 'End of the period (excluded).' }) to!: Date;
  @Field(() => String, { nullable: true, description: 'Only this currency; default every currency the owner has.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code' })
  currency?: string | null;
}

@Resolver(() => WalletStatement)
export class StatementResolver {
  @Query(() => WalletStatement, { description: 'The statement of a brand or streamer for a period (its owner, admins, services).' })
  async walletStatement(
    @Arg('owner', () => LedgerOwnerInput) ownerInput: LedgerOwnerInput,
    @Args(() => StatementArgs) args: StatementArgs,
    @Ctx() ctx: Context,
  ): Promise<WalletStatement> {
    const owner = ownerOfInput(ownerInput);
    requireOwnerAdminOrService(ctx, owner);
    const statements = await buildStatement(ctx.db, owner, args.from, args.to, args.currency ?? null);
    return {
      from: args.from,
      to: args.to,
      csv: statementCsv(statements, args.from, args.to),
      currencies: statements.map((statement) => {
        const money = (minor: bigint) => Money.of(minor, statement.currency);
        return {
          currency: statement.currency,
          openingBalance: money(statement.openingMinor),
          credits: money(statement.creditsMinor),
          debits: money(statement.debitsMinor),
          closingBalance: money(statement.closingMinor),
          lines: statement.lines.map((line) => ({
            transactionId: line.transactionId,
            createdAt: line.createdAt,
            kind: line.kind,
            description: line.description,
            accountKind: line.accountKind,
            amount: money(line.amountMinor),
            balanceAfter: money(line.balanceAfterMinor),
          })),
        };
      }),
    };
  }
}
