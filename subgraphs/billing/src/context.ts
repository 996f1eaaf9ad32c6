import { createByIdLoader, createGroupLoader, createPageLoader, viewerOf } from '@gametriggers/federation';
import type { SubgraphDependencies } from '@gametriggers/federation';
import type { Db } from './db';
import { fetchBrandInvoicePages } from './invoice/fetch-brand-invoice-pages';

export function createContext(db: Db, deps: SubgraphDependencies) {
  const invoicesById = (ids: string[]) => db.invoice.findMany({ where: { id: { in: ids } } });
  return {
    db,
    logger: deps.logger,
    /** Who is asking: the server puts the router's viewer here for every request (anonymous until then). */
    viewer: viewerOf(undefined),
    loaders: {
      invoice: createByIdLoader(invoicesById),
      linesByInvoice: createGroupLoader(
        (invoiceIds: string[]) =>
          db.invoiceLine.findMany({ where: { invoiceId: { in: invoiceIds } }, orderBy: [{ invoiceId: 'asc' }, { position: 'asc' }] }),
        (line) => line.invoiceId,
      ),
      brandInvoicePages: createPageLoader({ fetchPages: fetchBrandInvoicePages(db), fetchByIds: invoicesById }),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
