import { Money } from '@gametriggers/federation';
import type { Wallet as WalletRow } from '../generated/prisma/client';
import { LedgerAccountKind } from '../generated/prisma/enums';
import type { Wallet, WalletBalance } from './wallet.type';

export function toWallet(row: WalletRow): Wallet {
  return { id: row.id, ownerType: row.ownerType, ownerId: row.ownerId, createdAt: row.createdAt };
}

/** One balance per currency the wallet has accounts in, alphabetically; total counts every account. */
export function toWalletBalances(accounts: { kind: LedgerAccountKind; currency: string; balanceMinor: bigint }[]): WalletBalance[] {
  const byCurrency = new Map<string, { available: bigint; held: bigint; total: bigint }>();
  for (const account of accounts) {
    const sums = byCurrency.get(account.currency) ?? { available: 0n, held: 0n, total: 0n };
    if (account.kind === LedgerAccountKind.AVAILABLE) sums.available += account.balanceMinor;
    if (account.kind === LedgerAccountKind.HELD) sums.held += account.balanceMinor;
    sums.total += account.balanceMinor;
    byCurrency.set(account.currency, sums);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sums]) => ({
      currency,
      available: Money.of(sums.available, currency),
      held: Money.of(sums.held, currency),
      total: Money.of(sums.total, currency),
    }));
}
