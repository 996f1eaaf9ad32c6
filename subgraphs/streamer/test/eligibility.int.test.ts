import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { streamerSubgraph } from '../src/index';
import { platformInput, streamerInput } from './factories';

const CREATE = `mutation($input: CreateStreamerInput!) { createStreamer(input: $input) { id } }`;
/** What the router sends for `Campaign.eligibleStreamers`: the campaign with the targeting the field @requires. */
const ELIGIBLE = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Campaign { eligibleStreamers(first: 100) { nodes { id } } } }
}`;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(streamerSubgraph, { viewer: testAdmin });
});
afterAll(() => subgraph?.stop());

async function streamer(overrides: Record<string, unknown>): Promise<string> {
  const created = await subgraph.query(CREATE, { input: streamerInput(overrides) });
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  return created.data!['createStreamer'].id as string;
}

const anyTargeting = {
  platforms: [],
  categories: [],
  countries: [],
  languages: [],
  minAverageViewers: null,
  maxAverageViewers: null,
  audienceAgeRanges: [],
};

async function eligible(targeting: Record<string, unknown>, among: string[]): Promise<string[]> {
  const representations = [{ __typename: 'Campaign', id: crypto.randomUUID(), targeting: { ...anyTargeting, ...targeting } }];
  const result = await subgraph.query(ELIGIBLE, { representations });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return (result.data!['_entities'][0].eligibleStreamers.nodes as { id: string }[])
    .map((node) => node.id)
    .filter((id) => among.includes(id));
}

describe('eligible streamers for a campaign', () => {
  it('admits the streamers its targeting describes, with platform, viewers and categories on one profile', async () => {
    const demographics = (country: string, languages: string[], audienceAgeRanges: string[]) => ({
      country,
      languages,
      audienceAgeRanges,
      interests: [],
    });
    const nordicFps = await streamer({
      demographics: demographics('SE', ['sv', 'en'], ['AGE_18_24']),
      platforms: [platformInput({ averageViewers: 2_000, peakViewers: 5_000, categories: ['fps'] })],
    });
    const bigYoutubeSmallTwitch = await streamer({
      demographics: demographics('US', ['en'], ['AGE_25_34']),
      platforms: [
        platformInput({ averageViewers: 100, peakViewers: 300, categories: ['fps'] }),
        platformInput({
          platform: 'YOUTUBE',
          username: 'bigtube',
          channelUrl: 'https://www.youtube.com/@bigtube',
          averageViewers: 9_000,
          peakViewers: 20_000,
          categories: ['vlog'],
        }),
      ],
    });
    const all = [nordicFps, bigYoutubeSmallTwitch];
    expect(new Set(await eligible({}, all))).toEqual(new Set(all));
    expect(await eligible({ countries: ['SE', 'NO'] }, all)).toEqual([nordicFps]);
    expect(await eligible({ languages: ['sv'] }, all)).toEqual([nordicFps]);
    expect(await eligible({ audienceAgeRanges: ['AGE_25_34'] }, all)).toEqual([bigYoutubeSmallTwitch]);
    // 1,000+ viewers in fps on one profile: the big channel is YouTube vlogs, the fps one is small.
    expect(await eligible({ categories: ['fps'], minAverageViewers: 1_000 }, all)).toEqual([nordicFps]);
    expect(await eligible({ platforms: ['YOUTUBE'], maxAverageViewers: 5_000 }, all)).toEqual([]);
    expect(await eligible({ platforms: ['YOUTUBE'], minAverageViewers: 5_000 }, all)).toEqual([bigYoutubeSmallTwitch]);
  });
});
