import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.9', 0)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', undefined, 1)).toBe('10.0.0.5');
  });

  it('behind trusted proxies, is the entry that many hops from the right, ignoring what the client wrote', () => {
    // client (spoofing 6.6.6.6) -> proxy (appends 198.51.100.7) -> router (peer 10.0.0.2)
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.3', ['6.6.6.6, 198.51.100.7', '10.0.0.2'], 2)).toBe('198.51.100.7');
    // More trusted hops than entries: the leftmost, the best there is.
    expect(clientAddress('10.0.0.2', '198.51.100.7', 5)).toBe('198.51.100.7');
  });
});
