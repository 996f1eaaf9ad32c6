/** What a campaign may upload: the content types, and their size limits in bytes. */
export const ASSET_TYPES = {
  'image/png': { kind: 'IMAGE', maxBytes: 10 * 1024 * 1024, extension: 'png' },
  'image/jpeg': { kind: 'IMAGE', maxBytes: 10 * 1024 * 1024, extension: 'jpg' },
  'image/webp': { kind: 'IMAGE', maxBytes: 10 * 1024 * 1024, extension: 'webp' },
  'image/gif': { kind: 'IMAGE', maxBytes: 10 * 1024 * 1024, extension: 'gif' },
  'video/mp4': { kind: 'VIDEO', maxBytes: 50 * 1024 * 1024, extension: 'mp4' },
  'video/webm': { kind: 'VIDEO', maxBytes: 50 * 1024 * 1024, extension: 'webm' },
} as const;

export type AssetContentType = keyof typeof ASSET_TYPES;

export const isAssetContentType = (value: string): value is AssetContentType => Object.hasOwn(ASSET_TYPES, value);

/** Images larger than this (in pixels) are refused before decoding (decompression bombs). */
export const MAX_IMAGE_PIXELS = 8192 * 8192;

/** The renditions made of every image: the overlay's, and a thumbnail for dashboards (WebP, never enlarged). */
export const RENDITIONS = [
  { name: 'overlay', width: 1280, height: 720 },
  { name: 'thumbnail', width: 320, height: 180 },
] as const;

/** How long an upload URL stays valid. */
export const UPLOAD_URL_TTL_SECONDS = 15 * 60;
