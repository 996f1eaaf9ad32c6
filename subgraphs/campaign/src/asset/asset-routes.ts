import type { SubgraphDependencies } from '@gametriggers/federation';
import express from 'express';
import type { Db } from '../db';
import { deliverySecret, readUploadToken } from '../delivery/delivery-tokens';
import { ASSET_TYPES } from './asset-rules';
import type { AssetStorage } from './asset-storage';
import { UploadRefusedError, processUpload } from './process-upload';

const MAX_UPLOAD = Math.max(...Object.values(ASSET_TYPES).map((rule) => rule.maxBytes));

/**
 * PUT /uploads/:token  the raw bytes of an announced asset (from requestCampaignAssetUpload)
 * GET /assets/<key>    an asset or rendition, immutable (keys never change content)
 */
export function assetRoutes(app: express.Express, db: Db, deps: SubgraphDependencies, storage: AssetStorage): void {
  const logger = deps.logger.child({ component: 'assets' });
  const problem = (res: express.Response, status: number, code: string, message: string) =>
    res.status(status).json({ error: { code, message } });

  app.put('/uploads/:token', express.raw({ type: () => true, limit: MAX_UPLOAD }), async (req, res) => {
    const named = readUploadToken(await deliverySecret(db), req.params.token);
    if (!named) return problem(res, 404, 'UNKNOWN_UPLOAD', 'This upload URL is not valid or has expired; ask for a new one');
    try {
      const asset = await processUpload(db, storage, named.assetId, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
      res.status(201).json({ asset: { id: asset.id, status: asset.status, width: asset.width, height: asset.height } });
    } catch (error) {
      if (error instanceof UploadRefusedError) return problem(res, error.status, error.code, error.message);
      logger.error({ err: error }, 'upload failed');
      return problem(res, 500, 'INTERNAL_SERVER_ERROR', 'The upload could not be stored; try again');
    }
  });

  app.get(/^\/assets\/(.+)$/, async (req, res) => {
    const key = (req.params as unknown as Record<string, string>)['0'] ?? '';
    const found = await storage.get(key).catch((error: unknown) => {
      logger.error({ err: error, key }, 'asset could not be read');
      return undefined;
    });
    if (!found) return res.status(404).type('text/plain').send('No such asset');
    res
      .set('Cache-Control', 'public, max-age=31536000, immutable')
      .set('X-Content-Type-Options', 'nosniff')
      .set('Content-Security-Policy', "default-src 'none'")
      .type(found.contentType)
      .send(found.bytes);
  });
}
