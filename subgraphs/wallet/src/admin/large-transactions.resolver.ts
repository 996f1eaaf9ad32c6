import { PageArgs, pageQuery, paginate } from '@gametriggers/federation';
import type { Page } from '@gametriggers/federation';
import { IsOptional, Matches } from 'class-validator';
import { GraphQLDateTime } from 'graphql-scalars';
import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import { requireAdmin } from '../access/access';
import type { Context } from '../context';
import type { LedgerTransaction as LedgerTransactionRow } from '../generated/prisma/client';
import { LedgerTransactionConnection } from '../transaction/ledger-transaction.type';
import { toLedgerTransaction } from '../transaction/to-ledger-transaction';

@ArgsType()
class LargeTransactionsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only this currency.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code' })
  currency?: string | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'Only transactions at or after this instant.' }) since?: Date | null;
}

@Resolver()
export class LargeTransactionsResolver {
  @Query(() => LedgerTransactionConnection, {
    description: "Admins: transactions that moved at least the currency's configured large-transaction amount, newest first.",
  })
  async largeTransactions(
    @Args(() => LargeTransactionsArgs) args: LargeTransactionsArgs,
    @Ctx() ctx: Context,
  ): Promise<LedgerTransactionConnection> {
    requireAdmin(ctx);
    const thresholds = Object.entries(ctx.config.largeTransactionMinor).filter(
      ([currency]) => !args.currency || currency === args.currency,
    );
    const currencies = thresholds.map(([currency]) => currency);
    const minimums = thresholds.map(([, minor]) => minor.toString());
    const page: Page<LedgerTransactionRow> = await paginate(args, async (window) => {
      const ids = await ctx.db.$queryRaw<{ id: string }[]>`
        SELECT t."id"::text AS "id" FROM "LedgerTransaction" t
         WHERE (${window.afterId ?? null}::uuid IS NULL OR t."id" < ${window.afterId ?? null}::uuid)
           AND (${args.since?.toISOString() ?? null}::timestamptz IS NULL OR t."createdAt" >= ${args.since?.toISOString() ?? null}::timestamptz AT TIME ZONE 'UTC')
           AND EXISTS (
             SELECT 1 FROM "LedgerEntry" e
               JOIN unnest(${currencies}::text[], ${minimums}::bigint[]) AS threshold(currency, minimum) ON threshold.currency = e."currency"
              WHERE e."transactionId" = t."id" AND e."amountMinor" >= threshold.minimum)
         ORDER BY t."id" DESC LIMIT ${window.take}::int`;
      return ctx.db.ledgerTransaction.findMany({ ...pageQuery({ take: window.take }), where: { id: { in: ids.map((row) => row.id) } } });
    });
    return { ...page, nodes: page.nodes.map(toLedgerTransaction) };
  }
}
