import { createByIdLoader, createGroupLoader } from '@gametriggers/federation';
import type { SubgraphDependencies } from '@gametriggers/federation';
import type { Db } from './db';
import { fetchBrandInvoicePages } from './invoice/fetch-brand-invoice-pages';
import type { InvoiceStatus } from './invoice/invoice.type';
import { createPageLoader } from './pagination/page-loader';
import { onlyUuids } from './pagination/uuid';

export function createContext(db: Db, deps: SubgraphDependencies) {
  return {
    db,
    logger: deps.logger,
    loaders: {
      invoice: createByIdLoader((ids) => db.invoice.findMany({ where: { id: { in: onlyUuids(ids) } } })),
      linesByInvoice: createGroupLoader(
        (invoiceIds: string[]) =>
          db.invoiceLine.findMany({ where: { invoiceId: { in: invoiceIds } }, orderBy: [{ invoiceId: 'asc' }, { position: 'asc' }] }),
        (line) => line.invoiceId,
      ),
      brandInvoicePages: createPageLoader((requests, take, status: InvoiceStatus | null) =>
        fetchBrandInvoicePages(db, requests, take, status),
      ),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
