import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * A UUIDv7 (RFC 9562): time-ordered, so ids sort by creation. Without `at`, ids this process makes
 * in the same millisecond keep their order too (a 12-bit counter in rand_a; when it runs out, the
 * timestamp moves on by 1 ms), so lists ordered by id list rows in the order they were written.
 * With `at` (an instant the caller chose), the id carries that millisecond and random bits.
 */
export function uuidv7(at?: number): string {
  const bytes = randomBytes(16);
  if (at === undefined) {
    const now = Date.now();
    if (now > lastMs) {
      lastMs = now;
      sequence = 0;
    } else if (++sequence > 0xfff) {
      lastMs += 1;
      sequence = 0;
    }
    bytes.writeUIntBE(lastMs, 0, 6);
    bytes[6] = 0x70 | (sequence >> 8);
    bytes[7] = sequence & 0xff;
  } else {
    bytes.writeUIntBE(at, 0, 6);
    bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  }
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
