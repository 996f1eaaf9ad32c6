import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { APPLY, ELIGIBLE_PROFILE, campaignIn, knownStreamer, streamerId } from './factories';

/** What the router sends for `Streamer.eligibleCampaigns`: the streamer with the facts the field @requires. */
const ELIGIBLE = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Streamer { eligibleCampaigns(first: 100) { nodes { id } } } }
}`;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
});
afterAll(() => subgraph?.stop());

const future = { startsAt: '2030-01-01T00:00:00.000Z', endsAt: '2030-03-01T00:00:00.000Z' };
const open = (targeting: Record<string, unknown>) =>
  campaignIn(subgraph, 'APPROVED', {
    schedule: future,
    targeting: { platforms: [], categories: [], countries: [], languages: [], audienceAgeRanges: [], ...targeting },
  });
const apply = (campaignId: string, streamer: string) => subgraph.query(APPLY, { campaignId, streamerId: streamer });

describe('a streamer applies only to campaigns whose targeting their profile meets', () => {
  it('refuses a streamer campaigns do not know yet, and one outside the targeting with the reasons', async () => {
    const campaignId = await open({ countries: ['US'], platforms: ['TWITCH'], categories: ['fps'], minAverageViewers: 1000 });
    const unknown = await apply(campaignId, streamerId());
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'streamerId' });

    // Big on YouTube, FPS on a small Twitch channel: no one profile meets platform, viewers and category together.
    const dutch = await knownStreamer(subgraph, {
      country: 'NL',
      platforms: [
        { platform: 'TWITCH', averageViewers: 300, peakViewers: 900, categories: ['fps'] },
        { platform: 'YOUTUBE', averageViewers: 9_000, peakViewers: 20_000, categories: ['fps'] },
      ],
    });
    const refused = await apply(campaignId, dutch);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'campaignId' });
    expect(refused.errors?.[0]?.message).toBe(
      "The streamer does not meet the campaign's targeting: country NL is not among US; no platform profile on TWITCH with 1000–∞ average viewers streaming fps",
    );
  });

  it('follows the newest profile the streamer subgraph reported, whatever order the events come in', async () => {
    const campaignId = await open({ countries: ['GB'] });
    const streamer = await knownStreamer(subgraph, { country: 'GB' }, streamerId(), 2);
    await knownStreamer(subgraph, { country: 'US' }, streamer, 1); // an older revision, late: ignored
    expect((await apply(campaignId, streamer)).errors).toBeUndefined();
    const other = await open({ countries: ['GB'] });
    await knownStreamer(subgraph, { country: 'US' }, streamer, 3); // moved: no longer targeted
    expect((await apply(other, streamer)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'campaignId' });
  });

  it('agrees with Streamer.eligibleCampaigns on every targeting dimension', async () => {
    const campaigns = [
      await open({}),
      await open({ countries: ['GB'] }),
      await open({ languages: ['sv'] }),
      await open({ audienceAgeRanges: ['AGE_45_54'] }),
      await open({ platforms: ['TWITCH'], categories: ['fps'], minAverageViewers: 1000 }),
      await open({ platforms: ['YOUTUBE'], maxAverageViewers: 500 }),
      await open({ platforms: ['TWITCH'], maxAverageViewers: 5_000 }),
    ];
    const streamer = await knownStreamer(subgraph);
    const { platforms, ...demographics } = ELIGIBLE_PROFILE;
    const listed = await subgraph.query(ELIGIBLE, { representations: [{ __typename: 'Streamer', id: streamer, demographics, platforms }] });
    const eligible = new Set((listed.data!['_entities'][0].eligibleCampaigns.nodes as { id: string }[]).map((node) => node.id));
    const accepted = new Set<string>();
    for (const campaignId of campaigns) if (!(await apply(campaignId, streamer)).errors) accepted.add(campaignId);
    expect([...accepted].sort()).toEqual(campaigns.filter((id) => eligible.has(id)).sort());
    expect(accepted.size).toBe(2); // "any" and the big Twitch FPS one
  });
});
