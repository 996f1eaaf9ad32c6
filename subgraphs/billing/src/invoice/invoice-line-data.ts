import { BadUserInputError, parseAmount } from '@gametriggers/federation';
import type { InvoiceLineInput } from './invoice.inputs';
import { MAX_LINE_AMOUNT_MINOR } from './invoice-money';

/**
 * Column values of a line at `position`, checked against the invoice's currency.
 * `field` is the line's input path (`input.lines.1`, `line`) for the errors.
 */
export function invoiceLineData(line: InvoiceLineInput, currency: string, field: string, position: number) {
  if (line.unitPrice.currency !== currency) {
    throw new BadUserInputError(`${field}.unitPrice.currency`, `lines must be in the invoice's currency, ${currency}`);
  }
  const unitPriceMinor = parseAmount(line.unitPrice.amount, currency, `${field}.unitPrice.amount`);
  const amountMinor = unitPriceMinor * BigInt(line.quantity);
  if (amountMinor > MAX_LINE_AMOUNT_MINOR) {
    throw new BadUserInputError(`${field}.unitPrice.amount`, 'quantity x unitPrice is larger than one line may be');
  }
  return {
    position,
    description: line.description.trim(),
    quantity: line.quantity,
    unitPriceMinor,
    amountMinor,
    campaignId: line.campaignId?.toLowerCase() ?? null,
  };
}
