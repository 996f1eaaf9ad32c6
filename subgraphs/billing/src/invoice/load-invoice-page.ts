import { paginate } from '@gametriggers/federation';
import type { Context } from '../context';
import type { BrandInvoicesArgs } from './invoice.inputs';
import type { InvoiceConnection } from './invoice.type';
import { toInvoice } from './to-invoice';

/** One page of a brand's invoices through the batched page loader, then the rows through the id loader. */
export async function loadInvoicePage(ctx: Context, brandId: string, args: BrandInvoicesArgs): Promise<InvoiceConnection> {
  const page = await paginate(args, (window) =>
    ctx.loaders.brandInvoicePages.load({ parentId: brandId, ...window, filter: args.status ?? null }),
  );
  const rows = await ctx.loaders.invoice.loadMany(page.nodes.map((node) => node.id));
  const nodes = rows.map((row) => {
    if (!row || row instanceof Error) throw row ?? new Error('a listed invoice vanished');
    return toInvoice(row);
  });
  return { nodes, pageInfo: page.pageInfo };
}
