/** One limit: at most `points` attempts per `durationSeconds`; over it, blocked for `blockSeconds`. */
export interface Limit {
  points: number;
  durationSeconds: number;
  blockSeconds: number;
}

/**
 * Brute-force protection of sign-in and sign-up. Every sign-in attempt counts against its account
 * key (kind + email, whether or not such an account exists, so the limit reveals nothing) and
 * against the client's IP; a successful sign-in clears its account's count and gives its IP the
 * point back, so only failures accumulate. Registrations (one argon2 hash each) and OAuth flows begun
 * (one stored row each) count per IP.
 */
export const RATE_LIMITS = {
  /** Guessing one account's password: 10 tries per 15 minutes, then 15 minutes of rest. */
  signInPerAccount: { points: 10, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Spraying many accounts from one address: 50 failures per 15 minutes, then 15 minutes of rest. */
  signInPerIp: { points: 50, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Sign-ups from one address: 10 per hour. */
  registrationPerIp: { points: 10, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
  /** Provider sign-ins and links begun from one address (each stores a flow): 30 per 15 minutes. */
  oauthPerIp: { points: 30, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
} satisfies Record<string, Limit>;
