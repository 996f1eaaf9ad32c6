import { LedgerAccountKind, LedgerOwnerType } from '../generated/prisma/enums';

/** Who an account belongs to: a brand or streamer by id, or the platform (no id). */
export interface LedgerOwner {
  ownerType: LedgerOwnerType;
  ownerId: string | null;
}

export const PLATFORM: LedgerOwner = { ownerType: LedgerOwnerType.PLATFORM, ownerId: null };

export const brandOwner = (brandId: string): LedgerOwner => ({ ownerType: LedgerOwnerType.BRAND, ownerId: brandId });

export const streamerOwner = (streamerId: string): LedgerOwner => ({ ownerType: LedgerOwnerType.STREAMER, ownerId: streamerId });

/** Only platform accounts that mirror positions may go negative: provider clearing (what the provider owes us) and FX. */
export const mayGoNegative = (kind: LedgerAccountKind) =>
  kind === LedgerAccountKind.PROVIDER_CLEARING || kind === LedgerAccountKind.FX_POSITION;

export const ownerKey = (owner: LedgerOwner) => `${owner.ownerType}:${owner.ownerId ?? ''}`;

/**
 * Shards of each hot platform account: every deposit debits provider clearing, every earnings credit
 * and fee credits platform fees, so one row per currency would serialize them all. A posting picks
 * a shard at random; the platform's balance is the sum of its shards. Changing the number is safe
 * (existing shards keep counting).
 */
export const PLATFORM_SHARDS = 8;

/**
 * Shards of platform fees for credits: more than the others, because a fee is taken on the busiest
 * movements (transfers with a fee, earnings, captures). Why 32: a shard's row lock is held until its
 * posting commits (a WAL flush), so a row takes a few hundred postings per second; at 1,000+ fee
 * credits per second from 16 concurrent writers, 8 random shards still made one writer in two wait
 * behind another on the same shard. The database allows shards 0-63.
 */
export const PLATFORM_FEE_SHARDS = 32;

/**
 * The shard a leg posts to: a random one for platform accounts that may go negative (any shard can
 * take any movement) and for credits to platform fees; shard 0 otherwise (debits of accounts that
 * must stay >= 0 need the one account the money is in).
 */
export function shardFor(owner: LedgerOwner, kind: LedgerAccountKind, amountMinor: bigint): number {
  if (owner.ownerType !== LedgerOwnerType.PLATFORM) return 0;
  if (mayGoNegative(kind)) return Math.floor(Math.random() * PLATFORM_SHARDS);
  if (kind === LedgerAccountKind.PLATFORM_FEES && amountMinor > 0n) return Math.floor(Math.random() * PLATFORM_FEE_SHARDS);
  return 0;
}
