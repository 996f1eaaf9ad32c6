import { paginate } from '@gametriggers/federation';
import type { Context } from '../context';
import type { BrandInvoicesArgs } from './invoice.inputs';
import type { InvoiceConnection } from './invoice.type';
import { toInvoice } from './to-invoice';

/** One page of a brand's invoices through the batched page loader (one query for all brands of a request). */
export async function loadInvoicePage(ctx: Context, brandId: string, args: BrandInvoicesArgs): Promise<InvoiceConnection> {
  const page = await paginate(args, (window) =>
    ctx.loaders.brandInvoicePages.load({ parentId: brandId, ...window, filter: args.status ?? null }),
  );
  return { ...page, nodes: page.nodes.map(toInvoice) };
}
