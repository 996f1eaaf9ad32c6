import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { Db } from '../db';
import type { CampaignAsset } from '../generated/prisma/client';
import { ASSET_TYPES, MAX_IMAGE_PIXELS, RENDITIONS, isAssetContentType } from './asset-rules';
import type { AssetStorage } from './asset-storage';

export interface Rendition {
  name: string;
  key: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
}

export class UploadRefusedError extends Error {
  override readonly name = 'UploadRefusedError';
  constructor(
    readonly status: 404 | 409 | 413 | 415 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Takes the bytes of an announced asset: checks what they are by their content (magic bytes, not
 * the name or the header), that they match the announcement, and (images) that they decode within
 * the pixel limit; stores the original and the overlay renditions, then marks the asset READY.
 * Content that is not what was announced marks it REJECTED with the reason. Only a PENDING asset
 * takes an upload, and only one upload wins (conditional update).
 */
export async function processUpload(db: Db, storage: AssetStorage, assetId: string, bytes: Buffer): Promise<CampaignAsset> {
  const asset = await db.campaignAsset.findUnique({ where: { id: assetId } });
  if (!asset) throw new UploadRefusedError(404, 'UNKNOWN_UPLOAD', 'No such upload');
  if (asset.status !== 'PENDING') throw new UploadRefusedError(409, 'ALREADY_UPLOADED', `This asset is ${asset.status} already`);
  if (bytes.length !== asset.bytes) {
    throw new UploadRefusedError(413, 'SIZE_MISMATCH', `Announced ${asset.bytes} bytes, received ${bytes.length}`);
  }
  const reject = async (reason: string) => {
    await db.campaignAsset.updateMany({ where: { id: assetId, status: 'PENDING' }, data: { status: 'REJECTED', rejectionReason: reason } });
    return new UploadRefusedError(415, 'UNSUPPORTED_CONTENT', reason);
  };
  const sniffed = await fileTypeFromBuffer(bytes);
  if (!sniffed || !isAssetContentType(sniffed.mime)) throw await reject(`The content is not one of ${Object.keys(ASSET_TYPES).join(', ')}`);
  if (sniffed.mime !== asset.contentType) throw await reject(`The content is ${sniffed.mime}, not the announced ${asset.contentType}`);

  const base = `${asset.campaignId}/${asset.id}`;
  const originalKey = `${base}/original.${ASSET_TYPES[sniffed.mime].extension}`;
  let width: number | null = null;
  let height: number | null = null;
  const renditions: Rendition[] = [];
  if (asset.kind === 'IMAGE') {
    try {
      const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, animated: false });
      const metadata = await image.metadata();
      width = metadata.width ?? null;
      height = metadata.height ?? null;
      for (const spec of RENDITIONS) {
        const { data, info } = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, animated: false })
          .rotate() // honour EXIF orientation, then drop the metadata (sharp keeps none by default)
          .resize({ width: spec.width, height: spec.height, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 82 })
          .toBuffer({ resolveWithObject: true });
        const key = `${base}/${spec.name}.webp`;
        await storage.put(key, data, 'image/webp');
        renditions.push({ name: spec.name, key, contentType: 'image/webp', width: info.width, height: info.height, bytes: data.length });
      }
    } catch (error) {
      throw await reject(`The image could not be read: ${(error as Error).message}`);
    }
  }
  await storage.put(originalKey, bytes, sniffed.mime);
  const { count } = await db.campaignAsset.updateMany({
    where: { id: assetId, status: 'PENDING' },
    data: { status: 'READY', storageKey: originalKey, width, height, renditions: renditions as never, uploadedAt: new Date() },
  });
  if (count !== 1) throw new UploadRefusedError(409, 'ALREADY_UPLOADED', 'This asset was uploaded at the same time');
  return db.campaignAsset.findUniqueOrThrow({ where: { id: assetId } });
}
