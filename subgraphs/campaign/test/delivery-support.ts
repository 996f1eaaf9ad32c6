import { createHmac } from 'node:crypto';
import type { Viewer } from '@gametriggers/auth';
import type { TestSubgraph } from '@gametriggers/testkit';
import { APPLY, answerCheck, campaignIn, knownStreamer } from './factories';

export const DECIDE = `mutation($id: ID!, $accept: Boolean!) { decideParticipation(id: $id, accept: $accept) { id status } }`;
export const LINKS = `query($id: ID!) { participation(id: $id) { id earnings { amountMinor } links { overlayUrl clickUrl } } }`;
export const CAMPAIGN_MONEY = `query($id: ID!) { campaign(id: $id) { status spent { amountMinor } budget { amountMinor } conversionPostback { url secret } } }`;

export const streamerViewer = (streamerId: string): Viewer => ({
  kind: 'STREAMER',
  entityId: streamerId,
  accountId: crypto.randomUUID(),
  scopes: [],
});

/** A running campaign (started a minute ago) with one accepted streamer; returns ids and that streamer's links. */
export async function runningParticipation(subgraph: TestSubgraph, overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  // SCHEDULED with a start in the past: its start job activates it at once.
  const campaignId = await campaignIn(subgraph, 'SCHEDULED', {
    schedule: { startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() },
    landingUrl: 'https://voltage.example/summer',
    ...overrides,
  });
  for (let waited = 0; ; waited += 50) {
    const status = (await subgraph.query(`query($id: ID!) { campaign(id: $id) { status } }`, { id: campaignId })).data!['campaign'].status;
    if (status === 'ACTIVE') break;
    if (waited > 10_000) throw new Error(`the campaign is still ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const streamerId = await knownStreamer(subgraph);
  const applied = await subgraph.query(APPLY, { campaignId, streamerId });
  if (applied.errors) throw new Error(JSON.stringify(applied.errors));
  const participationId = applied.data!['applyToCampaign'].id as string;
  await answerCheck(subgraph, participationId); // the conflict engine's check comes first
  const accepted = await subgraph.query(DECIDE, { id: participationId, accept: true });
  if (accepted.errors) throw new Error(JSON.stringify(accepted.errors));
  const links = await subgraph.query(LINKS, { id: participationId }, streamerViewer(streamerId));
  if (links.errors) throw new Error(JSON.stringify(links.errors));
  const { overlayUrl, clickUrl } = links.data!['participation'].links as { overlayUrl: string; clickUrl: string };
  return { campaignId, participationId, streamerId, overlayUrl, clickUrl };
}

/** POSTs one viewer sample as the overlay page does. */
export async function sample(overlayUrl: string, body: Record<string, unknown>) {
  const response = await fetch(`${overlayUrl}/samples`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { delivery?: Record<string, unknown>; error?: Record<string, unknown> },
  };
}

/** POSTs a conversion signed with `secret`, as a brand's server does. */
export async function postback(url: string, secret: string, payload: Record<string, unknown>, signature?: string) {
  const raw = JSON.stringify(payload);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-gametriggers-signature': signature ?? `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`,
    },
    body: raw,
  });
  return {
    status: response.status,
    body: (await response.json()) as { delivery?: Record<string, unknown>; error?: Record<string, unknown> },
  };
}
