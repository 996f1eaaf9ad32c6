import { formatAmount } from '@gametriggers/federation';
import type { CurrencyStatementRow } from './build-statement';

const HEADER = ['currency', 'date', 'transaction_id', 'kind', 'account', 'description', 'amount', 'balance_after'];

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
function field(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The statement as CSV: per currency an OPENING row, one row per entry, a CLOSING row; amounts as exact decimals. */
export function statementCsv(statements: CurrencyStatementRow[], from: Date, to: Date): string {
  const rows: string[][] = [HEADER];
  for (const statement of statements) {
    const money = (minor: bigint) => formatAmount(minor, statement.currency);
    rows.push([statement.currency, from.toISOString(), '', 'OPENING', '', 'Opening balance', '', money(statement.openingMinor)]);
    for (const line of statement.lines) {
      rows.push([
        statement.currency,
        line.createdAt.toISOString(),
        line.transactionId,
        line.kind,
        line.accountKind,
        line.description,
        money(line.amountMinor),
        money(line.balanceAfterMinor),
      ]);
    }
    rows.push([statement.currency, to.toISOString(), '', 'CLOSING', '', 'Closing balance', '', money(statement.closingMinor)]);
  }
  return `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
