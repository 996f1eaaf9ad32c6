import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { campaignSubgraph } from '../src/index';
import { campaignIn } from './factories';

/** What the router sends for `Streamer.eligibleCampaigns`: the streamer with the facts the field @requires. */
const ELIGIBLE = `query($representations: [_Any!]!, $first: Int!, $after: String) {
  _entities(representations: $representations) {
    ... on Streamer { eligibleCampaigns(first: $first, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } }
  }
}`;

interface Profile {
  platform: string;
  averageViewers: number;
  categories: string[];
}

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(campaignSubgraph, { viewer: testAdmin });
});
afterAll(() => subgraph?.stop());

const future = { startsAt: '2030-01-01T00:00:00.000Z', endsAt: '2030-03-01T00:00:00.000Z' };

/** An APPROVED campaign with this targeting (the rest "any"); returns its id. */
const open = (name: string, targeting: Record<string, unknown>, status = 'APPROVED') =>
  campaignIn(subgraph, status, {
    name,
    schedule: future,
    targeting: { platforms: [], categories: [], countries: [], languages: [], audienceAgeRanges: [], ...targeting },
  });

async function eligibleFor(
  demographics: { country: string; languages: string[]; audienceAgeRanges: string[] },
  platforms: Profile[],
  only: string[],
): Promise<string[]> {
  const representations = [{ __typename: 'Streamer', id: crypto.randomUUID(), demographics, platforms }];
  const result = await subgraph.query(ELIGIBLE, { representations, first: 100 });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return (result.data!['_entities'][0].eligibleCampaigns.nodes as { id: string }[])
    .map((node) => node.id)
    .filter((id) => only.includes(id));
}

describe('eligible campaigns for a streamer', () => {
  it('matches each targeting dimension, with platform, viewers and categories on one profile', async () => {
    const ids = {
      any: await open('Any streamer', {}),
      uk: await open('UK only', { countries: ['GB'] }),
      swedishSpeakers: await open('Swedish speakers', { languages: ['sv'] }),
      adults: await open('Adult audiences', { audienceAgeRanges: ['AGE_25_34'] }),
      bigTwitchFps: await open('Big Twitch FPS', { platforms: ['TWITCH'], categories: ['fps'], minAverageViewers: 1000 }),
      smallYoutube: await open('Small YouTube', { platforms: ['YOUTUBE'], maxAverageViewers: 500 }),
      draft: await open('Not open yet', {}, 'DRAFT'),
      cancelled: await open('Cancelled', {}, 'CANCELLED'),
    };
    const all = Object.values(ids);
    const kira = { country: 'GB', languages: ['en', 'sv'], audienceAgeRanges: ['AGE_18_24', 'AGE_25_34'] };
    const profiles: Profile[] = [
      { platform: 'TWITCH', averageViewers: 1500, categories: ['fps', 'racing'] },
      { platform: 'YOUTUBE', averageViewers: 300, categories: ['vlog'] },
    ];
    expect(new Set(await eligibleFor(kira, profiles, all))).toEqual(
      new Set([ids.any, ids.uk, ids.swedishSpeakers, ids.adults, ids.bigTwitchFps, ids.smallYoutube]),
    );
    // Twitch viewers do not make the YouTube channel big, nor a big channel small.
    const swapped: Profile[] = [
      { platform: 'TWITCH', averageViewers: 300, categories: ['fps'] },
      { platform: 'YOUTUBE', averageViewers: 1500, categories: ['fps'] },
    ];
    const other = { country: 'US', languages: ['en'], audienceAgeRanges: ['AGE_13_17'] };
    expect(await eligibleFor(other, swapped, all)).toEqual([ids.any]);
    // No platform profile: nowhere to show a campaign.
    expect(await eligibleFor(kira, [], all)).toEqual([]);
  });

  it('pages newest first', async () => {
    const first = await open('Page 1', { countries: ['IS'] });
    const second = await open('Page 2', { countries: ['IS'] });
    const representations = [
      {
        __typename: 'Streamer',
        id: crypto.randomUUID(),
        demographics: { country: 'IS', languages: [], audienceAgeRanges: [] },
        platforms: [{ platform: 'KICK', averageViewers: 5, categories: [] }],
      },
    ];
    const page = (await subgraph.query(ELIGIBLE, { representations, first: 1 })).data!['_entities'][0].eligibleCampaigns;
    expect(page.nodes[0].id).not.toBe(first);
    const ordered: string[] = [];
    let after: string | undefined;
    for (;;) {
      const next = (await subgraph.query(ELIGIBLE, { representations, first: 1, after })).data!['_entities'][0].eligibleCampaigns;
      ordered.push(...next.nodes.map((node: { id: string }) => node.id));
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
    }
    expect(ordered.indexOf(second)).toBeLessThan(ordered.indexOf(first));
  });
});
