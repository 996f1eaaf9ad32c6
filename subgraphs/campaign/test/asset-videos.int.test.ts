import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { runningParticipation } from './delivery-support';
import { brandIds, campaignIn } from './factories';
import { mp4Video, webmVideo } from './support/videos';

const REQUEST = `mutation($campaignId: ID!, $input: CampaignAssetUploadInput!) {
  requestCampaignAssetUpload(campaignId: $campaignId, input: $input) { uploadUrl asset { id status kind } }
}`;
const ASSETS = `query($id: ID!) { campaign(id: $id) { assets { id status kind url overlayUrl thumbnailUrl rejectionReason } } }`;
const owner = { kind: 'BRAND' as const, entityId: brandIds.a, accountId: crypto.randomUUID(), scopes: [] };

let subgraph: TestSubgraph;
let storageDir: string;
beforeAll(async () => {
  storageDir = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-videos-'));
  process.env['ASSET_STORAGE_DIR'] = storageDir;
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
  delete process.env['ASSET_STORAGE_DIR'];
  await rm(storageDir, { recursive: true, force: true });
});

async function upload(campaignId: string, filename: string, contentType: string, body: Buffer) {
  const announced = await subgraph.query(REQUEST, { campaignId, input: { filename, contentType, bytes: body.length } }, owner);
  if (announced.errors) throw new Error(JSON.stringify(announced.errors));
  const { uploadUrl, asset } = announced.data!['requestCampaignAssetUpload'];
  expect(asset).toMatchObject({ status: 'PENDING', kind: 'VIDEO' });
  return fetch(uploadUrl, { method: 'PUT', body: new Uint8Array(body) });
}

describe('video creatives', () => {
  it('takes MP4 and WebM by their content and serves them as they are', async () => {
    const campaignId = await campaignIn(subgraph, 'DRAFT');
    const mp4 = mp4Video(15, 1920, 1080, 4096);
    const webm = webmVideo(8, 640, 360);
    expect((await upload(campaignId, 'spot.mp4', 'video/mp4', mp4)).status).toBe(201);
    expect((await upload(campaignId, 'spot.webm', 'video/webm', webm)).status).toBe(201);
    const assets = (await subgraph.query(ASSETS, { id: campaignId }, owner)).data!['campaign'].assets as Record<string, string | null>[];
    expect(assets).toHaveLength(2);
    for (const [asset, body, type] of [
      [assets.find((candidate) => candidate['url']?.endsWith('.mp4')), mp4, 'video/mp4'],
      [assets.find((candidate) => candidate['url']?.endsWith('.webm')), webm, 'video/webm'],
    ] as const) {
      expect(asset).toMatchObject({ status: 'READY', kind: 'VIDEO', overlayUrl: null, thumbnailUrl: null, rejectionReason: null });
      const served = await fetch(asset!['url']!);
      expect(served.headers.get('content-type')).toBe(type);
      expect(Buffer.from(await served.arrayBuffer()).equals(body)).toBe(true);
    }
  });

  it('rejects a video that is not what was announced, and content that is no video', async () => {
    const campaignId = await campaignIn(subgraph, 'DRAFT');
    const swapped = await upload(campaignId, 'spot.mp4', 'video/mp4', webmVideo(5));
    expect(swapped.status).toBe(415);
    expect(await swapped.json()).toEqual({
      error: { code: 'UNSUPPORTED_CONTENT', message: 'The content is video/webm, not the announced video/mp4' },
    });
    const text = Buffer.from('not a video at all'.padEnd(256, '.'));
    expect((await upload(campaignId, 'spot.webm', 'video/webm', text)).status).toBe(415);
    const assets = (await subgraph.query(ASSETS, { id: campaignId }, owner)).data!['campaign'].assets as { status: string }[];
    expect(assets.map((asset) => asset.status)).toEqual(['REJECTED', 'REJECTED']);
  });

  it('plays the newest creative on the overlay when it is a video: muted, looped, inline, same origin', async () => {
    const { campaignId, overlayUrl } = await runningParticipation(subgraph);
    expect((await upload(campaignId, 'spot.mp4', 'video/mp4', mp4Video(10))).status).toBe(201);
    const page = await fetch(overlayUrl);
    expect(page.headers.get('content-security-policy')).toContain("media-src 'self'");
    expect(await page.text()).toMatch(/<video src="\/assets\/[0-9a-f-]+\/[0-9a-f-]+\/original\.mp4" autoplay muted loop playsinline/);
  });
});
