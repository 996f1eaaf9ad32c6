import { ACCESS_TOKEN_ALGORITHM, SealedValueError } from '@gametriggers/auth';
import type { Sealer } from '@gametriggers/auth';
import { isUniqueViolation } from '@gametriggers/federation';
import type { Logger } from '@gametriggers/federation';
import { importJWK } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import type { Db } from '../db';
import type { Prisma, SigningKey } from '../generated/prisma/client';
import { generateSigningKey, sealContext } from './generate-signing-key';
import { ACTIVE_KEY_CACHE_MS, PASSIVE_KEY_RETENTION_SECONDS } from './signing-key-lifetimes';

/** Serializes key creation and rotation across processes (pg_advisory_xact_lock). */
const SIGNING_KEY_LOCK = 0x1d_5e_4b_01;

export interface ActiveSigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export interface SigningKeys {
  /** The key that signs now, created when there is none; cached for ACTIVE_KEY_CACHE_MS. */
  active: () => Promise<ActiveSigningKey>;
  /** The public keys verifiers need (ACTIVE and PASSIVE); retires PASSIVE keys past their retention first. */
  publicKeys: (now?: Date) => Promise<JWK[]>;
  /** Makes a new ACTIVE key, demoting the current one to PASSIVE. */
  rotate: (now?: Date) => Promise<SigningKey>;
}

export interface SigningKeysOptions {
  db: Db;
  sealer: () => Promise<Sealer>;
  logger: Logger;
  /**
   * When the active key's private half cannot be opened (its key-encryption key is gone), rotate to a
   * new key instead of failing. Development only: in production a lost key-encryption key must be
   * noticed, not papered over.
   */
  replaceUnreadableKey: boolean;
}

const lock = (tx: Prisma.TransactionClient) => tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGNING_KEY_LOCK})`;

export function createSigningKeys(options: SigningKeysOptions): SigningKeys {
  const { db, logger } = options;
  let cached: { key: ActiveSigningKey; loadedAt: number } | undefined;
  let loading: Promise<ActiveSigningKey> | undefined;

  const insertActive = async (tx: Prisma.TransactionClient, now: Date) =>
    tx.signingKey.create({ data: { ...(await generateSigningKey(await options.sealer())), status: 'ACTIVE', createdAt: now } });

  /** The ACTIVE key, creating one when there is none (safe when several processes start together). */
  const ensureActive = async (): Promise<SigningKey> => {
    const existing = await db.signingKey.findFirst({ where: { status: 'ACTIVE' } });
    if (existing) return existing;
    try {
      return await db.$transaction(async (tx) => {
        await lock(tx);
        const raced = await tx.signingKey.findFirst({ where: { status: 'ACTIVE' } });
        if (raced) return raced;
        const created = await insertActive(tx, new Date());
        logger.info({ kid: created.kid }, 'created the first access token signing key');
        return created;
      });
    } catch (error) {
      // The partial unique index refused a second ACTIVE key: another process made one.
      if (isUniqueViolation(error)) return db.signingKey.findFirstOrThrow({ where: { status: 'ACTIVE' } });
      throw error;
    }
  };

  const rotate = async (now = new Date()): Promise<SigningKey> => {
    const created = await db.$transaction(async (tx) => {
      await lock(tx);
      await tx.signingKey.updateMany({ where: { status: 'ACTIVE' }, data: { status: 'PASSIVE', deactivatedAt: now } });
      return insertActive(tx, now);
    });
    cached = undefined;
    logger.info({ kid: created.kid }, 'rotated the access token signing key');
    return created;
  };

  const open = async (row: SigningKey): Promise<ActiveSigningKey> => {
    const jwk = JSON.parse((await options.sealer()).open(row.privateJwkSealed, sealContext(row.kid))) as JWK;
    return { kid: row.kid, privateKey: (await importJWK(jwk, ACCESS_TOKEN_ALGORITHM)) as CryptoKey };
  };

  const load = async (): Promise<ActiveSigningKey> => {
    const row = await ensureActive();
    try {
      return await open(row);
    } catch (error) {
      if (!(error instanceof SealedValueError) || !options.replaceUnreadableKey) throw error;
      logger.warn(
        { kid: row.kid, reason: error.message },
        'the active signing key cannot be opened with this key-encryption key: rotating',
      );
      return open(await rotate());
    }
  };

  return {
    active: async () => {
      if (cached && Date.now() - cached.loadedAt < ACTIVE_KEY_CACHE_MS) return cached.key;
      loading ??= load()
        .then((key) => {
          cached = { key, loadedAt: Date.now() };
          return key;
        })
        .finally(() => (loading = undefined));
      return loading;
    },
    publicKeys: async (now = new Date()) => {
      await ensureActive();
      const retireBefore = new Date(now.getTime() - PASSIVE_KEY_RETENTION_SECONDS * 1000);
      await db.signingKey.updateMany({
        where: { status: 'PASSIVE', deactivatedAt: { lt: retireBefore } },
        data: { status: 'RETIRED', retiredAt: now },
      });
      const rows = await db.signingKey.findMany({ where: { status: { in: ['ACTIVE', 'PASSIVE'] } }, orderBy: { createdAt: 'desc' } });
      return rows.map((row) => ({ ...(row.publicJwk as JWK), kid: row.kid, alg: row.algorithm, use: 'sig' }));
    },
    rotate,
  };
}
