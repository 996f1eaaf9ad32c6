import type { CampaignAsset as CampaignAssetRow } from '../generated/prisma/client';
import type { CampaignAsset } from './asset.type';
import type { Rendition } from './process-upload';

/** The GraphQL shape of a stored asset, its URLs under `origin`. */
export function toCampaignAsset(row: CampaignAssetRow, origin: string): CampaignAsset {
  const renditions = (row.renditions ?? []) as unknown as Rendition[];
  const urlOf = (key: string | undefined | null) => (key ? `${origin}/assets/${key}` : null);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    filename: row.filename,
    contentType: row.contentType,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    url: row.status === 'READY' ? urlOf(row.storageKey) : null,
    overlayUrl: urlOf(renditions.find((rendition) => rendition.name === 'overlay')?.key),
    thumbnailUrl: urlOf(renditions.find((rendition) => rendition.name === 'thumbnail')?.key),
    rejectionReason: row.rejectionReason,
    createdAt: row.createdAt,
    uploadedAt: row.uploadedAt,
  };
}
