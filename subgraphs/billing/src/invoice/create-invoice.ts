import { currencyExponent } from '@gametriggers/federation';
import type { Db } from '../db';
import type { CreateInvoiceInput, InvoiceBillingAddressInput } from './invoice.inputs';
import { invoiceLineData } from './invoice-line-data';
import { invoiceAmounts } from './invoice-money';

function billingAddressData(address: InvoiceBillingAddressInput | null | undefined) {
  return {
    billingName: address?.name.trim() ?? null,
    billingLine1: address?.line1 ?? null,
    billingLine2: address?.line2 ?? null,
    billingCity: address?.city ?? null,
    billingRegion: address?.region ?? null,
    billingPostalCode: address?.postalCode ?? null,
    billingCountry: address?.country ?? null,
    billingTaxId: address?.taxId ?? null,
  };
}

/**
 * A DRAFT invoice with its lines and totals, written at once (Prisma runs a nested create in one transaction).
 * `id` is for fixed demo data; the API lets the database choose.
 */
export async function createInvoice(db: Db, input: CreateInvoiceInput, id?: string) {
  currencyExponent(input.currency, 'input.currency');
  const lines = input.lines.map((line, index) => invoiceLineData(line, input.currency, `input.lines.${index}`, index));
  const subtotalMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0n);
  return db.invoice.create({
    data: {
      ...(id ? { id } : {}),
      brandId: input.brandId.toLowerCase(),
      currency: input.currency,
      taxRateBasisPoints: input.taxRateBasisPoints,
      dueInDays: input.dueInDays,
      ...invoiceAmounts(subtotalMinor, input.taxRateBasisPoints),
      ...billingAddressData(input.billingAddress),
      lines: { create: lines },
    },
  });
}
