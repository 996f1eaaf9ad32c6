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
