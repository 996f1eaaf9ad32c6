import { BadUserInputError } from '@gametriggers/federation';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { InvoiceStatus } from '../generated/prisma/enums';
import { assertInvoiceId, refuseTransition } from './find-invoice-or-explain';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The next number of `year`, from its counter row: one atomic INSERT ... ON CONFLICT DO UPDATE, so
 * concurrent issues queue on the row and each gets its own number; inside the issuing transaction,
 * so a failed issue gives its number back (no gaps).
 */
async function nextInvoiceNumber(tx: Prisma.TransactionClient, year: number): Promise<string> {
  const [row] = await tx.$queryRaw<{ lastValue: number }[]>`
    INSERT INTO "InvoiceNumberCounter" ("year", "lastValue") VALUES (${year}::int, 1)
    ON CONFLICT ("year") DO UPDATE SET "lastValue" = "InvoiceNumberCounter"."lastValue" + 1
    RETURNING "lastValue"`;
  if (!row) throw new Error('the invoice number counter returned no row');
  return `INV-${year}-${String(row.lastValue).padStart(6, '0')}`;
}

/** DRAFT -> ISSUED: gives the invoice its number and due date. Needs at least one line. */
export async function issueInvoice(db: Db, id: string) {
  assertInvoiceId(id);
  return db.$transaction(async (tx) => {
    const issuedAt = new Date();
    // The conditional update locks the draft: of concurrent issues exactly one gets past here.
    const { count } = await tx.invoice.updateMany({ where: { id, status: InvoiceStatus.DRAFT }, data: { updatedAt: issuedAt } });
    if (count !== 1) await refuseTransition(tx, id, 'only a DRAFT invoice can be issued');
    const invoice = await tx.invoice.findUniqueOrThrow({ where: { id }, include: { _count: { select: { lines: true } } } });
    if (invoice._count.lines === 0) throw new BadUserInputError('id', 'an invoice needs at least one line to be issued');
    return tx.invoice.update({
      where: { id },
      data: {
        status: InvoiceStatus.ISSUED,
        number: await nextInvoiceNumber(tx, issuedAt.getUTCFullYear()),
        issuedAt,
        dueAt: new Date(issuedAt.getTime() + invoice.dueInDays * DAY_MS),
      },
    });
  });
}
