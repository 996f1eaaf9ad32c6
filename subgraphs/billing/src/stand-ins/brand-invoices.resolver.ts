import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { BrandInvoicesArgs } from '../invoice/invoice.inputs';
import { InvoiceConnection } from '../invoice/invoice.type';
import { assertCanListInvoicesOf } from '../invoice/invoice-access';
import { loadInvoicePage } from '../invoice/load-invoice-page';
import { BrandReference } from './stand-ins.type';

@Resolver(() => BrandReference)
export class BrandInvoicesResolver {
  @FieldResolver(() => InvoiceConnection, {
    nullable: true,
    description: "The brand's invoices, newest first; batched across brands. The brand itself and admins only.",
  })
  async invoices(
    @Root() brand: BrandReference,
    @Args(() => BrandInvoicesArgs) args: BrandInvoicesArgs,
    @Ctx() ctx: Context,
  ): Promise<InvoiceConnection> {
    assertCanListInvoicesOf(ctx.viewer, brand.id);
    return loadInvoicePage(ctx, brand.id, args);
  }
}
