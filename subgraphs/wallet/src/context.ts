import DataLoader from 'dataloader';
import { createByIdLoader, createGroupLoader, createPageLoader, isUuid } from '@gametriggers/federation';
import type { SubgraphDependencies, ViewerContext } from '@gametriggers/federation';
import type { WalletConfig } from './config';
import type { Db } from './db';
import { LedgerOwnerType } from './generated/prisma/enums';
import type { Wallet } from './generated/prisma/client';
import { ownerKey } from './ledger/ledger-owner';
import { SandboxPayoutProvider } from './payout/sandbox-payout-provider';
import { fetchWalletTransactionPages } from './wallet/fetch-wallet-transaction-pages';

/** Wallets of many brands and streamers in one query; key `ownerKey(owner)` with a lowercase id. */
function createWalletByOwnerLoader(db: Db) {
  return new DataLoader<string, Wallet | null>(async (keys) => {
    const idsOf = (type: LedgerOwnerType) =>
      keys
        .filter((key) => key.startsWith(`${type}:`))
        .map((key) => key.slice(type.length + 1))
        .filter(isUuid);
    const wallets = await db.wallet.findMany({
      where: {
        OR: [
          { ownerType: LedgerOwnerType.BRAND, ownerId: { in: idsOf(LedgerOwnerType.BRAND) } },
          { ownerType: LedgerOwnerType.STREAMER, ownerId: { in: idsOf(LedgerOwnerType.STREAMER) } },
        ],
      },
    });
    const byOwner = new Map(wallets.map((wallet) => [ownerKey(wallet), wallet]));
    return keys.map((key) => byOwner.get(key) ?? null);
  });
}

export function createContext(db: Db, deps: SubgraphDependencies, config: WalletConfig) {
  const transactionsById = (ids: string[]) => db.ledgerTransaction.findMany({ where: { id: { in: ids } } });
  return {
    db,
    config,
    logger: deps.logger,
    /** The payout provider (the sandbox until a real one is configured). */
    payouts: new SandboxPayoutProvider(db),
    loaders: {
      wallet: createByIdLoader((ids) => db.wallet.findMany({ where: { id: { in: ids } } })),
      walletByOwner: createWalletByOwnerLoader(db),
      accountsByWallet: createGroupLoader(
        (walletIds: string[]) =>
          db.ledgerAccount.findMany({ where: { walletId: { in: walletIds } }, orderBy: [{ currency: 'asc' }, { kind: 'asc' }] }),
        (account) => account.walletId,
      ),
      transaction: createByIdLoader(transactionsById),
      entriesByTransaction: createGroupLoader(
        (transactionIds: string[]) =>
          db.ledgerEntry.findMany({
            where: { transactionId: { in: transactionIds } },
            include: { account: true },
            orderBy: [{ amountMinor: 'asc' }, { id: 'asc' }],
          }),
        (entry) => entry.transactionId,
      ),
      budgetReservationsByCampaign: createGroupLoader(
        (campaignIds: string[]) =>
          db.budgetReservation.findMany({ where: { campaignId: { in: campaignIds } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
        (reservation) => reservation.campaignId,
      ),
      walletTransactionPages: createPageLoader({
        fetchPages: fetchWalletTransactionPages(db),
        fetchByIds: transactionsById,
      }),
    },
  };
}

/** The request context: the above plus the viewer the server adds from the router's internal token. */
export type Context = ReturnType<typeof createContext> & Partial<ViewerContext>;
