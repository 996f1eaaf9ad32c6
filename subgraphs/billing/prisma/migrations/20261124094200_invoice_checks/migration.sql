-- Invoice arithmetic and states, checked by the database too. Written by hand: Prisma cannot express CHECK constraints.
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_unitPrice_check" CHECK ("unitPriceMinor" >= 0);
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_amount_check" CHECK ("amountMinor" = "quantity" * "unitPriceMinor");

ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_taxRate_check" CHECK ("taxRateBasisPoints" BETWEEN 0 AND 10000);
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_dueInDays_check" CHECK ("dueInDays" BETWEEN 0 AND 365);
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_amounts_check"
  CHECK ("subtotalMinor" >= 0 AND "taxMinor" >= 0 AND "totalMinor" = "subtotalMinor" + "taxMinor");
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_number_check" CHECK ("number" ~ '^INV-[0-9]{4}-[0-9]{6}$');
-- An issued or paid invoice has its number and dates, a draft has none.
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_status_check" CHECK (
  CASE "status"
    WHEN 'DRAFT' THEN "number" IS NULL AND "issuedAt" IS NULL AND "paidAt" IS NULL AND "voidedAt" IS NULL
    WHEN 'ISSUED' THEN "number" IS NOT NULL AND "issuedAt" IS NOT NULL AND "dueAt" IS NOT NULL AND "paidAt" IS NULL AND "voidedAt" IS NULL
    WHEN 'PAID' THEN "number" IS NOT NULL AND "issuedAt" IS NOT NULL AND "paidAt" IS NOT NULL AND "voidedAt" IS NULL
    WHEN 'VOID' THEN "voidedAt" IS NOT NULL AND "paidAt" IS NULL
  END
);

ALTER TABLE "InvoiceNumberCounter" ADD CONSTRAINT "InvoiceNumberCounter_check" CHECK ("year" BETWEEN 2000 AND 9999 AND "lastValue" BETWEEN 0 AND 999999);
