import { demoIds } from '@gametriggers/prisma-tools';
import type { Db } from './db';
import { InvoiceStatus } from './generated/prisma/enums';
import { createInvoice } from './invoice/create-invoice';
import type { CreateInvoiceInput } from './invoice/invoice.inputs';
import { issueInvoice } from './invoice/issue-invoice';
import { markInvoicePaid } from './invoice/mark-invoice-paid';

const { brands, campaigns } = demoIds;

/** Fixed ids of the demo invoices, so a second run finds them. */
export const demoInvoiceIds = {
  voltageSummerPaid: '01930000-0000-7000-8000-0000000e0001',
  pixelforgeLaunchIssued: '01930000-0000-7000-8000-0000000e0002',
  nordwindRacingDraft: '01930000-0000-7000-8000-0000000e0003',
  voltageNightDraft: '01930000-0000-7000-8000-0000000e0004',
} as const;

const price = (amount: string, currency: string) => ({ amount, currency });

interface DemoInvoice {
  id: string;
  target: InvoiceStatus;
  input: CreateInvoiceInput;
}

const voltageAddress = {
  name: 'Voltage Energy',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94105',
  country: 'US',
  taxId: 'US-12-3456789',
};

const invoices: DemoInvoice[] = [
  {
    id: demoInvoiceIds.voltageSummerPaid,
    target: InvoiceStatus.PAID,
    input: {
      brandId: brands.voltage,
      currency: 'USD',
      taxRateBasisPoints: 825,
      dueInDays: 30,
      billingAddress: voltageAddress,
      lines: [
        {
          description: 'Summer campaign: management fee',
          quantity: 1,
          unitPrice: price('2500.00', 'USD'),
          campaignId: campaigns.voltageSummer,
        },
        {
          description: 'Summer campaign: sponsored stream hours',
          quantity: 40,
          unitPrice: price('45.00', 'USD'),
          campaignId: campaigns.voltageSummer,
        },
      ],
    },
  },
  {
    id: demoInvoiceIds.pixelforgeLaunchIssued,
    target: InvoiceStatus.ISSUED,
    input: {
      brandId: brands.pixelforge,
      currency: 'EUR',
      taxRateBasisPoints: 2100,
      dueInDays: 14,
      billingAddress: {
        name: 'PixelForge Hardware',
        line1: 'Keizersgracht 100',
        city: 'Amsterdam',
        postalCode: '1015 CS',
        country: 'NL',
        taxId: 'NL123456789B01',
      },
      lines: [
        { description: 'Launch campaign: setup', quantity: 1, unitPrice: price('1800.00', 'EUR'), campaignId: campaigns.pixelforgeLaunch },
        {
          description: 'Launch campaign: creator slots',
          quantity: 3,
          unitPrice: price('750.00', 'EUR'),
          campaignId: campaigns.pixelforgeLaunch,
        },
      ],
    },
  },
  {
    id: demoInvoiceIds.nordwindRacingDraft,
    target: InvoiceStatus.DRAFT,
    input: {
      brandId: brands.nordwind,
      currency: 'GBP',
      taxRateBasisPoints: 2000,
      dueInDays: 30,
      billingAddress: {
        name: 'Nordwind Motors',
        line1: '10 Baker St',
        city: 'London',
        postalCode: 'W1U 3BW',
        country: 'GB',
        taxId: 'GB123456789',
      },
      lines: [
        {
          description: 'Racing campaign: streamer placements',
          quantity: 2,
          unitPrice: price('1250.00', 'GBP'),
          campaignId: campaigns.nordwindRacing,
        },
      ],
    },
  },
  {
    id: demoInvoiceIds.voltageNightDraft,
    target: InvoiceStatus.DRAFT,
    input: {
      brandId: brands.voltage,
      currency: 'USD',
      taxRateBasisPoints: 825,
      dueInDays: 30,
      billingAddress: voltageAddress,
      lines: [
        {
          description: 'Night campaign: management fee',
          quantity: 1,
          unitPrice: price('1200.00', 'USD'),
          campaignId: campaigns.voltageNight,
        },
      ],
    },
  },
];

/**
 * Demo invoices, created and moved through their states by the same use-cases as the API.
 * Idempotent: an invoice that exists is only advanced to its target state if a run stopped half-way.
 */
export async function seedDemo(db: Db): Promise<void> {
  for (const invoice of invoices) {
    let row = await db.invoice.findUnique({ where: { id: invoice.id } });
    row ??= await createInvoice(db, invoice.input, invoice.id);
    if (invoice.target !== InvoiceStatus.DRAFT && row.status === InvoiceStatus.DRAFT) row = await issueInvoice(db, invoice.id);
    if (invoice.target === InvoiceStatus.PAID && row.status === InvoiceStatus.ISSUED) await markInvoicePaid(db, invoice.id);
  }
}
