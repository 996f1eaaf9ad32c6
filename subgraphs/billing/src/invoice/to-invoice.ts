import { Money } from '@gametriggers/federation';
import type { Invoice as InvoiceRow, InvoiceLine as InvoiceLineRow } from '../generated/prisma/client';
import { effectiveStatus } from './invoice-status';
import type { Invoice, InvoiceBillingAddress, InvoiceLine } from './invoice.type';

function toBillingAddress(row: InvoiceRow): InvoiceBillingAddress | null {
  if (!row.billingName || !row.billingLine1 || !row.billingCity || !row.billingPostalCode || !row.billingCountry) return null;
  return {
    name: row.billingName,
    line1: row.billingLine1,
    line2: row.billingLine2,
    city: row.billingCity,
    region: row.billingRegion,
    postalCode: row.billingPostalCode,
    country: row.billingCountry,
    taxId: row.billingTaxId,
  };
}

/** The GraphQL shape of a stored invoice (lines are resolved separately, batched). */
export function toInvoice(row: InvoiceRow): Invoice {
  return {
    id: row.id,
    number: row.number,
    brandId: row.brandId,
    status: effectiveStatus(row),
    currency: row.currency,
    subtotal: Money.of(row.subtotalMinor, row.currency),
    taxRateBasisPoints: row.taxRateBasisPoints,
    tax: Money.of(row.taxMinor, row.currency),
    total: Money.of(row.totalMinor, row.currency),
    dueInDays: row.dueInDays,
    billingAddress: toBillingAddress(row),
    issuedAt: row.issuedAt,
    dueAt: row.dueAt,
    paidAt: row.paidAt,
    voidedAt: row.voidedAt,
    voidReason: row.voidReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toInvoiceLine(row: InvoiceLineRow, currency: string): InvoiceLine {
  return {
    id: row.id,
    description: row.description,
    quantity: row.quantity,
    unitPrice: Money.of(row.unitPriceMinor, currency),
    amount: Money.of(row.amountMinor, currency),
    campaignId: row.campaignId,
  };
}
