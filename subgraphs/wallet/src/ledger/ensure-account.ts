import type { LedgerAccountKind } from '../generated/prisma/enums';
import type { Prisma } from '../generated/prisma/client';
import { mayGoNegative } from './ledger-owner';
import type { LedgerOwner } from './ledger-owner';

type Tx = Prisma.TransactionClient;

/**
 * The owner's wallet, created on first use. INSERT ... ON CONFLICT DO NOTHING (skipDuplicates) then a read:
 * two requests creating the same wallet at once both end with the one row, neither fails.
 */
export async function ensureWallet(tx: Tx, owner: LedgerOwner) {
  const where = { ownerType: owner.ownerType, ownerId: owner.ownerId };
  const existing = await tx.wallet.findFirst({ where });
  if (existing) return existing;
  await tx.wallet.createMany({ data: [where], skipDuplicates: true });
  return tx.wallet.findFirstOrThrow({ where });
}

/** The owner's account of `kind` in `currency` (and shard), created (with its wallet) on first use, race-safe like ensureWallet. */
export async function ensureAccount(tx: Tx, owner: LedgerOwner, kind: LedgerAccountKind, currency: string, shard = 0) {
  const where = { ownerType: owner.ownerType, ownerId: owner.ownerId, kind, currency, shard };
  const existing = await tx.ledgerAccount.findFirst({ where });
  if (existing) return existing;
  const wallet = await ensureWallet(tx, owner);
  await tx.ledgerAccount.createMany({
    data: [{ ...where, walletId: wallet.id, allowNegative: mayGoNegative(kind) }],
    skipDuplicates: true,
  });
  return tx.ledgerAccount.findFirstOrThrow({ where });
}
