import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import type { ViewerContext } from '@gametriggers/federation';
import { streamerSubgraph } from '../src/index';
import { platformInput, streamerInput } from './factories';

type Viewer = ViewerContext['viewer'];

const anonymous: Viewer = { kind: 'ANONYMOUS', scopes: [] };
const brand: Viewer = {
  kind: 'BRAND',
  accountId: '01930000-0000-7000-8000-00000000f001',
  entityId: '01930000-0000-7000-8000-00000000b0f1',
  scopes: [],
};
const otherStreamer: Viewer = {
  kind: 'STREAMER',
  accountId: '01930000-0000-7000-8000-00000000f002',
  entityId: '01930000-0000-7000-8000-00000000a0f2',
  scopes: [],
};

let subgraph: TestSubgraph;
let streamerId: string;
let owner: Viewer;

beforeAll(async () => {
  subgraph = await startTestSubgraph(streamerSubgraph, { viewer: testAdmin });
  const created = await subgraph.query(`mutation($input: CreateStreamerInput!) { createStreamer(input: $input) { id } }`, {
    input: streamerInput({ contactEmail: 'private@streamer.example' }),
  });
  streamerId = created.data!['createStreamer'].id;
  owner = { kind: 'STREAMER', accountId: '01930000-0000-7000-8000-00000000f003', entityId: streamerId, scopes: [] };
});
afterAll(async () => {
  await subgraph?.stop();
});

const codes = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.map((error) => error.extensions!['code']);

describe('who sees a streamer', () => {
  it('shows the public profile to everyone, the contact email to the streamer themself and admins only', async () => {
    const query = `query($id: ID!) { streamer(id: $id) { bio platforms { username followers } demographics { country } contactEmail } }`;
    for (const [viewer, code] of [
      [anonymous, 'UNAUTHENTICATED'],
      [brand, 'FORBIDDEN'],
      [otherStreamer, 'FORBIDDEN'],
    ] as const) {
      const result = await subgraph.query(query, { id: streamerId }, viewer);
      expect(result.data!['streamer']).toMatchObject({ bio: expect.any(String), demographics: { country: 'US' }, contactEmail: null });
      expect(codes(result)).toEqual([code]);
      expect(JSON.stringify(result.errors)).not.toContain('private@streamer.example');
    }
    for (const viewer of [owner, testAdmin]) {
      const result = await subgraph.query(query, { id: streamerId }, viewer);
      expect(result.errors).toBeUndefined();
      expect(result.data!['streamer'].contactEmail).toBe('private@streamer.example');
    }
  });

  it('guards the contact email in lists and on entity references', async () => {
    const list = await subgraph.query(`{ streamers(first: 100) { nodes { id contactEmail } } }`, {}, brand);
    expect((list.data!['streamers'].nodes as { contactEmail: unknown }[]).every((node) => node.contactEmail === null)).toBe(true);
    const entities = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Streamer { displayName contactEmail } } }`,
      { r: [{ __typename: 'Streamer', id: streamerId }] },
      otherStreamer,
    );
    expect(entities.data!['_entities']).toEqual([{ displayName: expect.any(String), contactEmail: null }]);
    expect(codes(entities)).toEqual(['FORBIDDEN']);
  });
});

describe('who changes a streamer', () => {
  const cases = () => ({
    updateStreamer: [`mutation($id: ID!) { updateStreamer(id: $id, input: { bio: "changed" }) { id } }`, { id: streamerId }],
    upsertStreamerPlatform: [
      `mutation($id: ID!, $input: StreamerPlatformInput!) { upsertStreamerPlatform(streamerId: $id, input: $input) { id } }`,
      { id: streamerId, input: platformInput({ platform: 'KICK', username: 'kira', channelUrl: 'https://kick.com/kira' }) },
    ],
    removeStreamerPlatform: [`mutation($id: ID!) { removeStreamerPlatform(streamerId: $id, platform: KICK) { id } }`, { id: streamerId }],
  });

  it('lets the streamer themself and admins change the profile and platforms, no one else', async () => {
    for (const [name, [query, variables]] of Object.entries(cases())) {
      expect(codes(await subgraph.query(query as string, variables as never, anonymous)), name).toEqual(['UNAUTHENTICATED']);
      expect(codes(await subgraph.query(query as string, variables as never, brand)), name).toEqual(['FORBIDDEN']);
      expect(codes(await subgraph.query(query as string, variables as never, otherStreamer)), name).toEqual(['FORBIDDEN']);
      expect((await subgraph.query(query as string, variables as never, owner)).errors, name).toBeUndefined();
    }
    for (const [name, [query, variables]] of Object.entries(cases())) {
      expect((await subgraph.query(query as string, variables as never, testAdmin)).errors, name).toBeUndefined();
    }
  });

  it('creates streamers and verifies platforms for admins only', async () => {
    const create = `mutation($input: CreateStreamerInput!) { createStreamer(input: $input) { id } }`;
    const verify = `mutation($id: ID!) { setStreamerPlatformVerification(streamerId: $id, platform: TWITCH, status: VERIFIED) { id } }`;
    for (const [viewer, code] of [
      [anonymous, 'UNAUTHENTICATED'],
      [brand, 'FORBIDDEN'],
      [owner, 'FORBIDDEN'],
    ] as const) {
      expect(codes(await subgraph.query(create, { input: streamerInput() }, viewer))).toEqual([code]);
      expect(codes(await subgraph.query(verify, { id: streamerId }, viewer))).toEqual([code]);
    }
    expect((await subgraph.query(create, { input: streamerInput() }, testAdmin)).errors).toBeUndefined();
    expect((await subgraph.query(verify, { id: streamerId }, testAdmin)).errors).toBeUndefined();
  });
});
