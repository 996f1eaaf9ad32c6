import type { Prisma } from '../generated/prisma/client';
import { InvoiceStatus as StoredStatus } from '../generated/prisma/enums';
import { InvoiceStatus } from './invoice.type';

/** The status a client sees: an ISSUED invoice past its due date is OVERDUE. */
export function effectiveStatus(row: { status: StoredStatus; dueAt: Date | null }, now = new Date()): InvoiceStatus {
  if (row.status === StoredStatus.ISSUED && row.dueAt && row.dueAt < now) return InvoiceStatus.OVERDUE;
  return InvoiceStatus[row.status];
}

/** The filter for invoices whose effective status is `status` (all when null). */
export function statusWhere(status: InvoiceStatus | null | undefined, now = new Date()): Prisma.InvoiceWhereInput {
  switch (status) {
    case null:
    case undefined:
      return {};
    case InvoiceStatus.OVERDUE:
      return { status: StoredStatus.ISSUED, dueAt: { lt: now } };
    case InvoiceStatus.ISSUED:
      return { status: StoredStatus.ISSUED, dueAt: { gte: now } };
    default:
      return { status: StoredStatus[status] };
  }
}
