import type { AccountKind } from '../account/account.type';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface SessionLifetime {
  /** A refresh token unused this long expires, and the session with it. */
  idleMs: number;
  /** No refresh extends a session past this, from sign-in: then the password is asked again. */
  absoluteMs: number;
}

/**
 * Session lifetimes by kind. Brands and streamers stay signed in on their devices for a working
 * month if they come back weekly; admins, whose tokens can do much more, for a working day.
 */
export const SESSION_LIFETIMES: Record<AccountKind, SessionLifetime> = {
  BRAND: { idleMs: 7 * DAY_MS, absoluteMs: 30 * DAY_MS },
  STREAMER: { idleMs: 7 * DAY_MS, absoluteMs: 30 * DAY_MS },
  ADMIN: { idleMs: 2 * HOUR_MS, absoluteMs: 12 * HOUR_MS },
};

/**
 * Reuse of a rotated refresh token within this long after its rotation, at most
 * REFRESH_GRACE_MAX_USES times, is taken for a client that lost the response (or tabs refreshing
 * together): it gets a new token too instead of having its session revoked.
 */
export const REFRESH_GRACE_MS = 10_000;
export const REFRESH_GRACE_MAX_USES = 2;

/** Why a session ended (AccountSession.revokedReason). */
export const RevokedReason = {
  SIGN_OUT: 'SIGN_OUT',
  SIGN_OUT_EVERYWHERE: 'SIGN_OUT_EVERYWHERE',
  REFRESH_TOKEN_REUSE: 'REFRESH_TOKEN_REUSE',
  ACCOUNT_STATUS: 'ACCOUNT_STATUS',
} as const;
