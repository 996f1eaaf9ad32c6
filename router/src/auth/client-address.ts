/**
 * The client's address: the TCP peer, unless the router sits behind `trustedProxies` proxies that
 * each append the address they saw to X-Forwarded-For. Then it is the entry that many hops from
 * the right; entries further left were written by the client and are not believed.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string | undefined {
  if (trustedProxies <= 0 || !forwardedFor) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...hops, ...(peer ? [peer] : [])];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)];
}
