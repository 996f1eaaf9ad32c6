import { randomUUID } from 'node:crypto';
import type { TestSubgraph } from '@gametriggers/testkit';

export const newId = () => randomUUID();

export const MONEY = '{ amount amountMinor currency }';
export const INVOICE_FIELDS = `
  id number brandId status currency taxRateBasisPoints dueInDays
  subtotal ${MONEY} tax ${MONEY} total ${MONEY}
  lines { id description quantity unitPrice ${MONEY} amount ${MONEY} campaignId }
  billingAddress { name line1 line2 city region postalCode country taxId }
  issuedAt dueAt paidAt voidedAt voidReason`;

export const CREATE = `mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { ${INVOICE_FIELDS} } }`;
export const ISSUE = `mutation($id: ID!) { issueInvoice(id: $id) { ${INVOICE_FIELDS} } }`;
export const PAY = `mutation($id: ID!, $paidAt: DateTime) { markInvoicePaid(id: $id, paidAt: $paidAt) { ${INVOICE_FIELDS} } }`;
export const VOID = `mutation($id: ID!, $reason: String!) { voidInvoice(id: $id, reason: $reason) { ${INVOICE_FIELDS} } }`;
export const ADD_LINE = `mutation($id: ID!, $line: InvoiceLineInput!) { addInvoiceLine(id: $id, line: $line) { ${INVOICE_FIELDS} } }`;
export const REMOVE_LINE = `mutation($id: ID!, $lineId: ID!) { removeInvoiceLine(id: $id, lineId: $lineId) { ${INVOICE_FIELDS} } }`;

/** A valid InvoiceLineInput; override any field. */
export function lineInput(overrides: Record<string, unknown> = {}) {
  return { description: 'Sponsored stream hour', quantity: 2, unitPrice: { amount: '45.50', currency: 'USD' }, ...overrides };
}

/** A valid CreateInvoiceInput; override any field. */
export function invoiceInput(overrides: Record<string, unknown> = {}) {
  return {
    brandId: newId(),
    currency: 'USD',
    taxRateBasisPoints: 2000,
    dueInDays: 30,
    lines: [lineInput()],
    billingAddress: {
      name: 'Voltage Energy',
      line1: '1 Market St',
      city: 'San Francisco',
      region: 'CA',
      postalCode: '94105',
      country: 'US',
      taxId: 'US-12-3456789',
    },
    ...overrides,
  };
}

/** Runs an operation and fails the test on any error. */
export async function ok(subgraph: TestSubgraph, query: string, variables: Record<string, unknown>) {
  const result = await subgraph.query(query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return Object.values(result.data!)[0] as any;
}

/** Creates an invoice (DRAFT) and returns it. */
export const draft = (subgraph: TestSubgraph, overrides: Record<string, unknown> = {}) =>
  ok(subgraph, CREATE, { input: invoiceInput(overrides) });

/** Creates and issues an invoice and returns it. */
export async function issued(subgraph: TestSubgraph, overrides: Record<string, unknown> = {}) {
  const invoice = await draft(subgraph, overrides);
  return ok(subgraph, ISSUE, { id: invoice.id });
}

/** How many invoices exist (any brand, any status). */
export async function invoiceCount(subgraph: TestSubgraph): Promise<number> {
  let count = 0;
  let after: string | null = null;
  do {
    const page: any = await ok(
      subgraph,
      `query($after: String) { invoices(first: 100, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`,
      { after },
    );
    count += page.nodes.length;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return count;
}
