import { buildFederatedSchema } from '@gametriggers/federation';
import { InvoiceLineResolver } from './invoice/invoice-line.resolver';
import { resolveInvoiceReference } from './invoice/invoice.reference';
import { InvoiceResolver } from './invoice/invoice.resolver';
import { BrandInvoicesResolver } from './stand-ins/brand-invoices.resolver';
import { BrandReference, CampaignReference } from './stand-ins/stand-ins.type';

export const buildBillingSchema = () =>
  buildFederatedSchema({
    resolvers: [InvoiceResolver, InvoiceLineResolver, BrandInvoicesResolver],
    orphanedTypes: [BrandReference, CampaignReference],
    references: { Invoice: resolveInvoiceReference as never },
  });
