import http from 'node:http';
import type express from 'express';
import type { Logger } from 'pino';

/**
 * The campaign subgraph's public HTTP endpoints (overlay pages and samples, tracked clicks,
 * conversion postbacks, creative uploads and downloads), served on the router's own origin so
 * the links the graph hands out point at the one public host. Streamed both ways (uploads of up to
 * 50 MB are not buffered here); the subgraph does its own checks (tokens, signatures, sizes).
 */
export const PUBLIC_CAMPAIGN_PATHS = ['/overlay/', '/c/', '/postback/', '/uploads/', '/assets/'] as const;

/** Hop-by-hop headers (RFC 9110 7.6.1) are the proxy's own business, never passed on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

export function servePublicCampaignRoutes(
  app: express.Express,
  options: { campaignUrl: () => string | undefined; clientAddress: (req: express.Request) => string | undefined; logger: Logger },
): void {
  app.use((req, res, next) => {
    if (!PUBLIC_CAMPAIGN_PATHS.some((prefix) => req.path.startsWith(prefix))) return next();
    const base = options.campaignUrl();
    if (!base) return res.status(404).type('text/plain').send('Not found');
    const target = new URL(req.originalUrl, base);
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name) && name !== 'host' && !name.startsWith('x-forwarded-') && name !== 'x-gametriggers-viewer')
        headers[name] = value;
    }
    const address = options.clientAddress(req);
    if (address) headers['x-forwarded-for'] = address;
    headers['x-forwarded-host'] = req.headers.host ?? '';
    headers['x-forwarded-proto'] = req.protocol;
    const upstream = http.request(target, { method: req.method, headers }, (answer) => {
      const outgoing: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) outgoing[name] = value;
      res.writeHead(answer.statusCode ?? 502, outgoing);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      options.logger.warn({ err: error, path: req.path }, 'campaign subgraph unreachable for a public route');
      if (!res.headersSent) res.status(502).json({ error: { code: 'SUBGRAPH_UNAVAILABLE', message: 'Try again in a moment' } });
      else res.destroy();
    });
    req.pipe(upstream);
  });
}
