import { LedgerAccountKind, LedgerOwnerType } from '../generated/prisma/enums';

/** Who an account belongs to: a brand or streamer by id, or the platform (no id). */
export interface LedgerOwner {
  ownerType: LedgerOwnerType;
  ownerId: string | null;
}

export const PLATFORM: LedgerOwner = { ownerType: LedgerOwnerType.PLATFORM, ownerId: null };

export const brandOwner = (brandId: string): LedgerOwner => ({ ownerType: LedgerOwnerType.BRAND, ownerId: brandId });

export const streamerOwner = (streamerId: string): LedgerOwner => ({ ownerType: LedgerOwnerType.STREAMER, ownerId: streamerId });

/** Only the provider's clearing account may go negative: it mirrors money the provider owes us. */
export const mayGoNegative = (kind: LedgerAccountKind) => kind === LedgerAccountKind.PROVIDER_CLEARING;

export const ownerKey = (owner: LedgerOwner) => `${owner.ownerType}:${owner.ownerId ?? ''}`;
