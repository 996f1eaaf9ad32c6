import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SealedValueError, createSealer, parseSealerKeys } from '../src/sealed';

const key = () => randomBytes(32).toString('base64');
const k1 = key();
const k2 = key();

describe('sealer (AES-256-GCM)', () => {
  it('seals to a versioned value naming its key, with a fresh IV each time, and opens it', () => {
    const sealer = createSealer({ keys: { k1 }, activeKeyId: 'k1' });
    const first = sealer.seal('IBAN DE89 3704 0044 0532 0130 00');
    const second = sealer.seal('IBAN DE89 3704 0044 0532 0130 00');
    expect(first).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(first).not.toBe(second);
    expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
    expect(first).not.toContain('DE89');
    expect(sealer.open(first)).toBe('IBAN DE89 3704 0044 0532 0130 00');
    expect(sealer.open(sealer.seal(''))).toBe('');
    expect(sealer.open(sealer.seal('ünïcødé ✓'))).toBe('ünïcødé ✓');
    expect(sealer.keyIdOf(first)).toBe('k1');
  });

  it('rotates: new values use the active key, values of the old key still open', () => {
    const before = createSealer({ keys: { k1 }, activeKeyId: 'k1' });
    const old = before.seal('secret');
    const after = createSealer({ keys: { k1, k2 }, activeKeyId: 'k2' });
    expect(after.keyIdOf(after.seal('secret'))).toBe('k2');
    expect(after.open(old)).toBe('secret');
    // Without the old key it no longer opens, and says which key it needs.
    const withoutOld = createSealer({ keys: { k2 }, activeKeyId: 'k2' });
    expect(() => withoutOld.open(old)).toThrow(/"k1", which is not configured/);
  });

  it('refuses tampered values, relabelled key ids, another context and garbage', () => {
    const sealer = createSealer({ keys: { k1, k2 }, activeKeyId: 'k1' });
    const sealed = sealer.seal('secret', 'row-1');
    expect(sealer.open(sealed, 'row-1')).toBe('secret');
    expect(() => sealer.open(sealed, 'row-2')).toThrow(SealedValueError);
    expect(() => sealer.open(sealed)).toThrow(SealedValueError);

    const [version, , iv, ciphertext, tag] = sealed.split('.') as [string, string, string, string, string];
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped.writeUInt8(flipped.readUInt8(0) ^ 1, 0);
    expect(() => sealer.open([version, 'k1', iv, flipped.toString('base64url'), tag].join('.'), 'row-1')).toThrow(SealedValueError);
    expect(() => sealer.open([version, 'k2', iv, ciphertext, tag].join('.'), 'row-1')).toThrow(SealedValueError);
    expect(() => sealer.open([version, 'k1', iv, ciphertext, tag.slice(0, 10)].join('.'), 'row-1')).toThrow(SealedValueError);
    for (const garbage of ['', 'secret', 'v2.k1.a.b.c', 'v1.k1.a.b']) expect(() => sealer.open(garbage)).toThrow(SealedValueError);
  });

  it('checks its keys: 32 bytes each, a configured active key, sane ids', () => {
    expect(() => createSealer({ keys: { k1: randomBytes(16).toString('base64') }, activeKeyId: 'k1' })).toThrow(/32 bytes/);
    expect(() => createSealer({ keys: { k1 }, activeKeyId: 'k2' })).toThrow(/not among/);
    expect(() => createSealer({ keys: { 'k.1': k1 }, activeKeyId: 'k.1' })).toThrow(/letters, digits/);
  });

  it('parses id:base64 lists, refusing malformed entries without echoing keys', () => {
    expect(parseSealerKeys(` k1:${k1}, k2:${k2} `)).toEqual({ k1, k2 });
    expect(() => parseSealerKeys(k1)).toThrow(/id:base64/);
    expect(() => parseSealerKeys(`k1:${k1},k1:${k2}`)).toThrow(/twice/);
    try {
      parseSealerKeys('k1:c2hvcnQ=');
    } catch (error) {
      expect((error as Error).message).not.toContain('c2hvcnQ');
    }
  });
});
