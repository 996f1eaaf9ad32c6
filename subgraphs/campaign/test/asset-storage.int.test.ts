import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import { LocalAssetStorage, S3AssetStorage, assetStorageFromEnv } from '../src/asset/asset-storage';
import type { AssetStorage } from '../src/asset/asset-storage';
import { campaignSubgraph } from '../src/index';
import { campaignIn } from './factories';

// A real S3 API over HTTP (s3rver): the store an S3-compatible deployment talks to.
let s3: S3rver;
let endpoint: string;
let root: string;
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-storage-'));
  s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: path.join(root, 's3'),
    configureBuckets: [{ name: 'creatives', configs: [] }],
  });
  const { port } = await s3.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await s3?.close();
  await rm(root, { recursive: true, force: true });
});

const key = (name: string) => `${crypto.randomUUID()}/${crypto.randomUUID()}/${name}`;

const implementations: [string, () => AssetStorage][] = [
  ['local directory', () => new LocalAssetStorage(path.join(root, 'local'))],
  ['S3', () => new S3AssetStorage({ bucket: 'creatives', endpoint, credentials })],
];

describe.each(implementations)('asset storage: %s', (_name, open) => {
  it('keeps bytes and content type, and knows nothing of other keys', async () => {
    const storage = open();
    const stored = key('original.png');
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await storage.put(stored, bytes, 'image/png');
    expect(await storage.get(stored)).toEqual({ bytes, contentType: 'image/png' });
    await storage.put(stored, Buffer.from('second'), 'image/png'); // a retry overwrites whole
    expect((await storage.get(stored))!.bytes.toString()).toBe('second');
    expect(await storage.get(key('missing.webp'))).toBeUndefined();
  });

  it('refuses keys it did not make (no path outside the store)', async () => {
    const storage = open();
    await expect(storage.put('../../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/not an asset key/);
    expect(await storage.get('../../etc/passwd')).toBeUndefined();
  });
});

describe('a subgraph configured for S3', () => {
  it('stores uploads and renditions in the bucket and serves them', async () => {
    const env = { ASSET_S3_BUCKET: 'creatives', ASSET_S3_ENDPOINT: endpoint, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };
    Object.assign(process.env, env);
    const subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
    try {
      expect(assetStorageFromEnv()).toBeInstanceOf(S3AssetStorage);
      const campaignId = await campaignIn(subgraph, 'DRAFT');
      const image = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#ff8800' } })
        .png()
        .toBuffer();
      const announced = await subgraph.query(
        `mutation($id: ID!, $input: CampaignAssetUploadInput!) { requestCampaignAssetUpload(campaignId: $id, input: $input) { uploadUrl asset { id } } }`,
        { id: campaignId, input: { filename: 'x.png', contentType: 'image/png', bytes: image.length } },
      );
      const { uploadUrl } = announced.data!['requestCampaignAssetUpload'];
      expect((await fetch(uploadUrl, { method: 'PUT', body: new Uint8Array(image) })).status).toBe(201);
      const assets = await subgraph.query(`query($id: ID!) { campaign(id: $id) { assets { url thumbnailUrl } } }`, { id: campaignId });
      const [asset] = assets.data!['campaign'].assets;
      const original = await fetch(asset.url);
      expect(Buffer.from(await original.arrayBuffer()).equals(image)).toBe(true);
      const objectKey = new URL(asset.thumbnailUrl).pathname.replace(/^\/assets\//, '');
      const inBucket = await new S3AssetStorage({ bucket: 'creatives', endpoint, credentials }).get(objectKey);
      expect(inBucket?.contentType).toBe('image/webp');
    } finally {
      await subgraph.stop();
      for (const name of Object.keys(env)) delete process.env[name];
    }
  });
});
