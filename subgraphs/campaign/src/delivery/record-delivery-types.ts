import type { Delivery } from '../generated/prisma/client';
import type { DeliveryKind } from '../generated/prisma/enums';

export interface DeliveryReport {
  participationId: string;
  kind: DeliveryKind;
  /** Same key, same participation and kind: the same delivery (a retry or a replay), counted once. */
  dedupKey: string;
  /** Viewers of a sample (0 when unknown); 1 for a click or a conversion. */
  quantity: bigint;
  /** Tokens name a generation of the participation's links; an older one is revoked. */
  generation?: number;
}

/** Why a delivery was not recorded at all (the HTTP layer answers with the code). */
export class DeliveryRefusedError extends Error {
  override readonly name = 'DeliveryRefusedError';
  constructor(
    readonly code: 'UNKNOWN_LINK' | 'NOT_TAKING_PART' | 'CAMPAIGN_NOT_RUNNING',
    message: string,
  ) {
    super(message);
  }
}

/** What the HTTP layer answers with about a delivery. */
export type RecordedDeliveryRow = Pick<Delivery, 'id' | 'status' | 'costMinor' | 'reason'>;

export interface RecordedDelivery {
  delivery: RecordedDeliveryRow;
  /** The delivery had been recorded before: nothing was counted or charged again. */
  duplicate: boolean;
}
