import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@gametriggers/federation';
import type { Db } from '../db';

/**
 * Capability tokens for the public delivery endpoints, derived (HMAC-SHA256) from the campaign
 * subgraph's own secret, so nothing per participation is stored and every process agrees:
 *  - an overlay token `<participationId>.<generation>.<mac>` (the OBS browser source, private to the
 *    streamer: it may report viewer samples);
 *  - a click token of the same shape with another purpose (posted in chat, public: it can only count
 *    clicks, and a leaked one cannot report samples);
 *  - a campaign's postback secret, with which the brand signs its conversion postbacks.
 * Bumping a participation's overlayGeneration revokes its overlay and click links.
 */
export type LinkPurpose = 'overlay' | 'click';

const MAC_LENGTH = 22; // base64url characters: 132 bits

const secrets = new WeakMap<Db, Promise<Buffer>>();

/** The subgraph's delivery secret: created once (32 random bytes) in its database, then cached. */
export function deliverySecret(db: Db): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = (async () => {
      // Two processes may race to create it: one insert wins, both read the winner.
      await db.$executeRaw`INSERT INTO "DeliverySecret" ("id", "secret") VALUES (1, ${randomBytes(32)}) ON CONFLICT ("id") DO NOTHING`;
      const row = await db.deliverySecret.findUniqueOrThrow({ where: { id: 1 } });
      return Buffer.from(row.secret);
    })();
    secret.catch(() => secrets.delete(db));
    secrets.set(db, secret);
  }
  return secret;
}

const mac = (secret: Buffer, message: string) => createHmac('sha256', secret).update(message).digest('base64url').slice(0, MAC_LENGTH);

export function linkToken(secret: Buffer, purpose: LinkPurpose, participationId: string, generation: number): string {
  return `${participationId}.${generation}.${mac(secret, `${purpose}:${participationId}:${generation}`)}`;
}

/** The participation and generation a token names, if its MAC is right (compared in constant time). */
export function readLinkToken(
  secret: Buffer,
  purpose: LinkPurpose,
  token: string,
): { participationId: string; generation: number } | undefined {
  const [participationId, generationText, given, ...rest] = token.split('.');
  if (
    rest.length ||
    !participationId ||
    !generationText ||
    !given ||
    !isUuid(participationId) ||
    !/^[1-9][0-9]{0,8}$/.test(generationText)
  ) {
    return undefined;
  }
  const generation = Number(generationText);
  const expected = Buffer.from(mac(secret, `${purpose}:${participationId}:${generation}`));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  return { participationId, generation };
}

/** The secret a brand signs its conversion postbacks for one campaign with (hex). */
export function postbackSecret(secret: Buffer, campaignId: string): string {
  return createHmac('sha256', secret).update(`postback:${campaignId}`).digest('hex');
}

/** Whether `signature` (`sha256=<hex>`) is the HMAC of the raw body under the campaign's postback secret. */
export function verifyPostbackSignature(secret: Buffer, campaignId: string, rawBody: Buffer, signature: string | undefined): boolean {
  const match = /^sha256=([0-9a-f]{64})$/.exec(signature ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', postbackSecret(secret, campaignId)).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(match[1]!, 'hex'), expected);
}

/** A one-asset upload URL token, valid until `expiresAt` (epoch seconds): `<assetId>.<expiresAt>.<mac>`. */
export function uploadToken(secret: Buffer, assetId: string, expiresAt: number): string {
  return `${assetId}.${expiresAt}.${mac(secret, `upload:${assetId}:${expiresAt}`)}`;
}

/** The asset an upload token names, if its MAC is right and it has not expired. */
export function readUploadToken(secret: Buffer, token: string, now = Date.now()): { assetId: string } | undefined {
  const [assetId, expiresText, given, ...rest] = token.split('.');
  if (rest.length || !assetId || !expiresText || !given || !isUuid(assetId) || !/^[0-9]{1,12}$/.test(expiresText)) return undefined;
  const expected = Buffer.from(mac(secret, `upload:${assetId}:${expiresText}`));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  if (Number(expiresText) * 1000 <= now) return undefined;
  return { assetId };
}
