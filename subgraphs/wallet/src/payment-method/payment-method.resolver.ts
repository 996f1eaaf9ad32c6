import { NotFoundError, isUuid } from '@gametriggers/federation';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireOwnerOrAdmin } from '../access/access';
import type { Context } from '../context';
import type { PaymentMethod as PaymentMethodRow } from '../generated/prisma/client';
import { LedgerOwnerInput } from '../transaction/ledger-transaction.inputs';
import { ownerOfInput } from '../transaction/parse-conditions';
import { AddPaymentMethodInput, PaymentMethod } from './payment-method.type';

export const toPaymentMethod = (row: PaymentMethodRow): PaymentMethod => ({
  id: row.id,
  ownerType: row.ownerType,
  ownerId: row.ownerId,
  kind: row.kind,
  masked: row.masked,
  label: row.label,
  createdAt: row.createdAt,
});

@Resolver(() => PaymentMethod)
export class PaymentMethodResolver {
  @Query(() => [PaymentMethod], { description: 'The payment methods of a brand or streamer (its owner or an admin), newest first.' })
  async paymentMethods(@Arg('owner', () => LedgerOwnerInput) ownerInput: LedgerOwnerInput, @Ctx() ctx: Context): Promise<PaymentMethod[]> {
    const owner = ownerOfInput(ownerInput);
    requireOwnerOrAdmin(ctx, owner);
    const rows = await ctx.db.paymentMethod.findMany({
      where: { ownerType: owner.ownerType, ownerId: owner.ownerId!, removedAt: null },
      orderBy: { id: 'desc' },
    });
    return rows.map(toPaymentMethod);
  }

  @Mutation(() => PaymentMethod, {
    description: 'Adds a payment method to a brand or streamer (its owner or an admin), tokenized by the provider.',
  })
  async addPaymentMethod(
    @Arg('input', () => AddPaymentMethodInput) input: AddPaymentMethodInput,
    @Ctx() ctx: Context,
  ): Promise<PaymentMethod> {
    const owner = ownerOfInput(input.owner);
    requireOwnerOrAdmin(ctx, owner);
    const { token, masked } = await ctx.payouts.tokenize(input.kind, input.details);
    const row = await ctx.db.paymentMethod.create({
      data: { ownerType: owner.ownerType, ownerId: owner.ownerId!, kind: input.kind, token, masked, label: input.label?.trim() || null },
    });
    return toPaymentMethod(row);
  }

  @Mutation(() => PaymentMethod, { description: 'Removes a payment method (its owner or an admin); past withdrawals keep pointing to it.' })
  async removePaymentMethod(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PaymentMethod> {
    const row = isUuid(id) ? await ctx.db.paymentMethod.findUnique({ where: { id: id.toLowerCase() } }) : null;
    if (!row || row.removedAt) throw new NotFoundError('PaymentMethod', id);
    requireOwnerOrAdmin(ctx, { ownerType: row.ownerType, ownerId: row.ownerId });
    return toPaymentMethod(await ctx.db.paymentMethod.update({ where: { id: row.id }, data: { removedAt: new Date() } }));
  }
}
