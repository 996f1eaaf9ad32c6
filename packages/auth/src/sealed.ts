import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption of small secrets at rest (signing keys, provider tokens, bank details):
 * AES-256-GCM under one of several named 256-bit keys. A sealed value is one ASCII string,
 *
 *   v1.<keyId>.<iv>.<ciphertext>.<tag>      (iv, ciphertext, tag in base64url; iv 12 bytes, tag 16)
 *
 * so it names the key that sealed it: keys rotate by adding a new one and making it active, old
 * values still open, and `keyIdOf` finds those to seal again. The version and key id are bound to
 * the ciphertext as associated data, and so is the optional `context` (e.g. the row's id), so a
 * value copied into another row, or relabelled with another key id, does not open.
 */
export interface Sealer {
  /** Seals with the active key and a fresh random IV: sealing one plaintext twice gives two values. */
  seal: (plaintext: string, context?: string) => string;
  /** The plaintext of a value sealed with any configured key; throws SealedValueError otherwise. */
  open: (sealed: string, context?: string) => string;
  /** The id of the key a value was sealed with (without opening it). */
  keyIdOf: (sealed: string) => string;
  /** The key new values are sealed with. */
  activeKeyId: string;
}

export interface SealerOptions {
  /** Key id → 32 random bytes, base64 (or base64url). Ids: letters, digits, `_` and `-`. */
  keys: Record<string, string>;
  /** Which of `keys` seals new values. */
  activeKeyId: string;
}

/** A value that is not sealed, was tampered with, or was sealed with a key not configured here. */
export class SealedValueError extends Error {
  override readonly name = 'SealedValueError';
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

function decodeKey(id: string, encoded: string): Buffer {
  if (!KEY_ID.test(id)) throw new Error(`encryption key id "${id}" must be 1 to 64 letters, digits, _ or -`);
  const key = Buffer.from(encoded.trim(), 'base64');
  if (key.length !== KEY_BYTES)
    throw new Error(`encryption key "${id}" must be ${KEY_BYTES} bytes of base64 (e.g. openssl rand -base64 32)`);
  return key;
}

const associatedData = (keyId: string, context: string | undefined) => Buffer.from(`${VERSION}.${keyId}.${context ?? ''}`, 'utf8');

export function createSealer(options: SealerOptions): Sealer {
  const keys = new Map(Object.entries(options.keys).map(([id, encoded]) => [id, decodeKey(id, encoded)]));
  const activeKey = keys.get(options.activeKeyId);
  if (!activeKey) throw new Error(`the active encryption key "${options.activeKeyId}" is not among the configured keys`);

  const parts = (sealed: string) => {
    const split = sealed.split('.');
    if (split.length !== 5 || split[0] !== VERSION) throw new SealedValueError('not a sealed value (v1)');
    const [, keyId, iv, ciphertext, tag] = split as [string, string, string, string, string];
    return {
      keyId,
      iv: Buffer.from(iv, 'base64url'),
      ciphertext: Buffer.from(ciphertext, 'base64url'),
      tag: Buffer.from(tag, 'base64url'),
    };
  };

  return {
    activeKeyId: options.activeKeyId,
    seal: (plaintext, context) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', activeKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(associatedData(options.activeKeyId, context));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const encoded = [iv, ciphertext, cipher.getAuthTag()].map((bytes) => bytes.toString('base64url'));
      return [VERSION, options.activeKeyId, ...encoded].join('.');
    },
    open: (sealed, context) => {
      const { keyId, iv, ciphertext, tag } = parts(sealed);
      const key = keys.get(keyId);
      if (!key) throw new SealedValueError(`sealed with encryption key "${keyId}", which is not configured`);
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealedValueError('malformed sealed value');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(associatedData(keyId, context));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      } catch {
        throw new SealedValueError('the sealed value does not authenticate (tampered, another context, or a wrong key)');
      }
    },
    keyIdOf: (sealed) => parts(sealed).keyId,
  };
}

/**
 * Reads keys written as `id:base64,id:base64` (an env variable such as IDENTITY_ENCRYPTION_KEYS).
 * Throws on a malformed entry or a repeated id, naming the id but never the key.
 */
export function parseSealerKeys(value: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const entry of value.split(',').map((part) => part.trim())) {
    if (!entry) continue;
    const colon = entry.indexOf(':');
    if (colon <= 0) throw new Error('encryption keys must be written id:base64,id:base64');
    const id = entry.slice(0, colon).trim();
    if (id in keys) throw new Error(`encryption key "${id}" is given twice`);
    decodeKey(id, entry.slice(colon + 1));
    keys[id] = entry.slice(colon + 1).trim();
  }
  return keys;
}
