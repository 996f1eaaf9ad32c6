import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { runningParticipation } from './delivery-support';
import { brandIds, campaignIn } from './factories';

const REQUEST = `mutation($campaignId: ID!, $input: CampaignAssetUploadInput!) {
  requestCampaignAssetUpload(campaignId: $campaignId, input: $input) { uploadUrl expiresAt asset { id status kind } }
}`;
const ASSETS = `query($id: ID!) { campaign(id: $id) { assets { id status kind width height url overlayUrl thumbnailUrl rejectionReason } } }`;

const brand = (id: string) => ({ kind: 'BRAND' as const, entityId: id, accountId: crypto.randomUUID(), scopes: [] });
const owner = brand(brandIds.a);

let subgraph: TestSubgraph;
let storageDir: string;
beforeAll(async () => {
  storageDir = await mkdtemp(path.join(os.tmpdir(), 'gametriggers-assets-'));
  process.env['ASSET_STORAGE_DIR'] = storageDir;
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
  delete process.env['ASSET_STORAGE_DIR'];
  await rm(storageDir, { recursive: true, force: true });
});

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 250, g: 200, b: 0, alpha: 1 } } })
    .png()
    .toBuffer();

async function announce(campaignId: string, file: { filename: string; contentType: string; bytes: number }, as = owner) {
  return subgraph.query(REQUEST, { campaignId, input: file }, as);
}
const put = (url: string, body: Buffer) => fetch(url, { method: 'PUT', body: new Uint8Array(body) });

describe('campaign creatives', () => {
  it('takes an image by a one-time URL, checks it by content and renders it for the overlay', async () => {
    const campaignId = await campaignIn(subgraph, 'DRAFT');
    const image = await png(3000, 2000);
    const announced = await announce(campaignId, { filename: 'summer.png', contentType: 'image/png', bytes: image.length });
    expect(announced.errors).toBeUndefined();
    const { uploadUrl, asset } = announced.data!['requestCampaignAssetUpload'];
    expect(asset).toMatchObject({ status: 'PENDING', kind: 'IMAGE' });

    expect((await put(uploadUrl, image)).status).toBe(201);
    expect((await put(uploadUrl, image)).status).toBe(409); // once
    const [stored] = (await subgraph.query(ASSETS, { id: campaignId }, owner)).data!['campaign'].assets;
    expect(stored).toMatchObject({ status: 'READY', width: 3000, height: 2000 });
    const overlay = await fetch(stored.overlayUrl);
    expect(overlay.headers.get('content-type')).toBe('image/webp');
    expect(await sharp(Buffer.from(await overlay.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width: 1080, height: 720 });
    const thumbnail = await sharp(Buffer.from(await (await fetch(stored.thumbnailUrl)).arrayBuffer())).metadata();
    expect(thumbnail).toMatchObject({ width: 270, height: 180 });
    expect(Buffer.from(await (await fetch(stored.url)).arrayBuffer()).equals(image)).toBe(true);
  });

  it('rejects content that is not what was announced, whatever its name says', async () => {
    const campaignId = await campaignIn(subgraph, 'DRAFT');
    const script = Buffer.from('<script>alert(1)</script>'.padEnd(64, ' '));
    const announced = await announce(campaignId, { filename: 'cat.png', contentType: 'image/png', bytes: script.length });
    const response = await put(announced.data!['requestCampaignAssetUpload'].uploadUrl, script);
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: 'UNSUPPORTED_CONTENT' } });
    const jpegAsPng = await sharp(await png(40, 40))
      .jpeg()
      .toBuffer();
    const second = await announce(campaignId, { filename: 'x.png', contentType: 'image/png', bytes: jpegAsPng.length });
    expect((await put(second.data!['requestCampaignAssetUpload'].uploadUrl, jpegAsPng)).status).toBe(415);
    const assets = (await subgraph.query(ASSETS, { id: campaignId }, owner)).data!['campaign'].assets;
    expect(assets.map((asset: { status: string }) => asset.status)).toEqual(['REJECTED', 'REJECTED']);
    expect(assets[0].rejectionReason).toMatch(/image\/jpeg, not the announced image\/png/);
    // Others do not even know of a DRAFT campaign.
    const stranger = await subgraph.query(ASSETS, { id: campaignId }, brand(brandIds.b));
    expect(stranger.data!['campaign']).toBeNull();
    expect(stranger.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses bad announcements, other brands, forged or wrong-size uploads', async () => {
    const campaignId = await campaignIn(subgraph, 'DRAFT');
    const tooBig = await announce(campaignId, { filename: 'huge.png', contentType: 'image/png', bytes: 11 * 1024 * 1024 });
    expect(tooBig.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.bytes' });
    const svg = await announce(campaignId, { filename: 'x.svg', contentType: 'image/svg+xml', bytes: 10 });
    expect(svg.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contentType' });
    const stranger = await announce(campaignId, { filename: 'a.png', contentType: 'image/png', bytes: 10 }, brand(brandIds.b));
    expect(stranger.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const image = await png(64, 64);
    const { uploadUrl } = (await announce(campaignId, { filename: 'a.png', contentType: 'image/png', bytes: image.length + 1 })).data![
      'requestCampaignAssetUpload'
    ];
    expect((await put(uploadUrl, image)).status).toBe(413);
    expect((await put(uploadUrl.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAA'), image)).status).toBe(404);
    expect((await fetch(uploadUrl.replace(/\/uploads\/.*/, '/assets/../../etc/passwd'))).status).toBe(404);
  });

  it('shows the newest ready image on the overlay', async () => {
    const { campaignId, overlayUrl } = await runningParticipation(subgraph);
    const image = await png(800, 400);
    const { uploadUrl } = (await announce(campaignId, { filename: 'c.png', contentType: 'image/png', bytes: image.length })).data![
      'requestCampaignAssetUpload'
    ];
    await put(uploadUrl, image);
    const html = await (await fetch(overlayUrl)).text();
    expect(html).toMatch(/<img src="\/assets\/[0-9a-f-]+\/[0-9a-f-]+\/overlay\.webp"/);
    // A public campaign shows others its READY creatives only.
    await announce(campaignId, { filename: 'later.png', contentType: 'image/png', bytes: 10 });
    const seen = (await subgraph.query(ASSETS, { id: campaignId }, brand(brandIds.b))).data!['campaign'].assets;
    expect(seen.map((asset: { status: string }) => asset.status)).toEqual(['READY']);
  });
});
