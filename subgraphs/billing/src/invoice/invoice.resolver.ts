import { NotFoundError, pageQuery, paginate } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { BrandReference } from '../stand-ins/stand-ins.type';
import { addInvoiceLine } from './add-invoice-line';
import { assertCanReadInvoice, listedBrandId } from './invoice-access';
import { createInvoice } from './create-invoice';
import { CreateInvoiceInput, InvoiceLineInput, InvoicesArgs } from './invoice.inputs';
import { statusWhere } from './invoice-status';
import { Invoice, InvoiceConnection, InvoiceLine } from './invoice.type';
import { issueInvoice } from './issue-invoice';
import { markInvoicePaid } from './mark-invoice-paid';
import { removeInvoiceLine } from './remove-invoice-line';
import { toInvoice, toInvoiceLine } from './to-invoice';
import { voidInvoice } from './void-invoice';

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Authorized('BRAND', 'ADMIN')
  @Query(() => Invoice, {
    nullable: true,
    description:
      "An invoice by id, for the billed brand or an admin; null with a NOT_FOUND error when there is none (or it is another brand's).",
  })
  async invoice(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Invoice> {
    const row = await ctx.loaders.invoice.load(id);
    if (!row) throw new NotFoundError('Invoice', id);
    assertCanReadInvoice(ctx.viewer, row);
    return toInvoice(row);
  }

  @Authorized('BRAND', 'ADMIN')
  @Query(() => InvoiceConnection, {
    description: "Invoices, newest first: a brand's own (another brandId is FORBIDDEN); an admin's, every brand's or brandId's.",
  })
  async invoices(@Args(() => InvoicesArgs) args: InvoicesArgs, @Ctx() ctx: Context): Promise<InvoiceConnection> {
    const brandId = listedBrandId(ctx.viewer, args.brandId);
    const where = { ...statusWhere(args.status), ...(brandId ? { brandId } : {}) };
    const page = await paginate(args, (window) => ctx.db.invoice.findMany({ ...pageQuery(window), where }));
    return { ...page, nodes: page.nodes.map(toInvoice) };
  }

  @FieldResolver(() => [InvoiceLine])
  async lines(@Root() invoice: Invoice, @Ctx() ctx: Context): Promise<InvoiceLine[]> {
    return (await ctx.loaders.linesByInvoice.load(invoice.id)).map((line) => toInvoiceLine(line, invoice.currency));
  }

  @FieldResolver(() => BrandReference, { description: 'The brand billed, resolved by the brand subgraph.' })
  brand(@Root() invoice: Invoice): BrandReference {
    return { id: invoice.brandId };
  }

  @Authorized('ADMIN', 'SERVICE')
  @Mutation(() => Invoice, { description: 'A new DRAFT invoice.' })
  async createInvoice(@Arg('input', () => CreateInvoiceInput) input: CreateInvoiceInput, @Ctx() ctx: Context): Promise<Invoice> {
    return toInvoice(await createInvoice(ctx.db, input));
  }

  @Authorized('ADMIN', 'SERVICE')
  @Mutation(() => Invoice, { description: 'Appends a line to a DRAFT invoice.' })
  async addInvoiceLine(
    @Arg('id', () => ID) id: string,
    @Arg('line', () => InvoiceLineInput) line: InvoiceLineInput,
    @Ctx() ctx: Context,
  ): Promise<Invoice> {
    return toInvoice(await addInvoiceLine(ctx.db, id, line));
  }

  @Authorized('ADMIN', 'SERVICE')
  @Mutation(() => Invoice, { description: 'Removes a line from a DRAFT invoice.' })
  async removeInvoiceLine(@Arg('id', () => ID) id: string, @Arg('lineId', () => ID) lineId: string, @Ctx() ctx: Context): Promise<Invoice> {
    return toInvoice(await removeInvoiceLine(ctx.db, id, lineId));
  }

  @Authorized('ADMIN', 'SERVICE')
  @Mutation(() => Invoice, { description: 'DRAFT -> ISSUED: assigns the next INV-<year>-<6 digits> number and the due date.' })
  async issueInvoice(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Invoice> {
    return toInvoice(await issueInvoice(ctx.db, id));
  }

  @Authorized('ADMIN', 'SERVICE')
  @Mutation(() => Invoice, { description: 'ISSUED (or OVERDUE) -> PAID.' })
  async markInvoicePaid(
    @Arg('id', () => ID) id: string,
    @Arg('paidAt', () => GraphQLDateTime, { nullable: true, description: 'When the money arrived; default now.' }) paidAt: Date | null,
    @Ctx() ctx: Context,
  ): Promise<Invoice> {
    return toInvoice(await markInvoicePaid(ctx.db, id, paidAt ?? undefined));
  }

  @Authorized('ADMIN', 'SERVICE')
  @Mutation(() => Invoice, { description: 'DRAFT or ISSUED -> VOID.' })
  async voidInvoice(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context): Promise<Invoice> {
    return toInvoice(await voidInvoice(ctx.db, id, reason));
  }
}
