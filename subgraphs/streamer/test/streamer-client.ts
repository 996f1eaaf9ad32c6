import { expect } from 'vitest';
import type { TestSubgraph } from '@gametriggers/testkit';
import { streamerInput } from './factories';

export const PLATFORM_FIELDS =
  'platform username channelUrl followers averageViewers peakViewers categories verificationStatus lastSyncedAt';
export const STREAMER_FIELDS = `
  id displayName bio avatarUrl contactEmail
  platforms { ${PLATFORM_FIELDS} }
  demographics { country languages audienceAgeRanges interests }
  totalFollowers primaryPlatform createdAt updatedAt`;

export const CREATE = `mutation($input: CreateStreamerInput!) { createStreamer(input: $input) { ${STREAMER_FIELDS} } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateStreamerInput!) { updateStreamer(id: $id, input: $input) { ${STREAMER_FIELDS} } }`;
export const UPSERT_PLATFORM = `mutation($streamerId: ID!, $input: StreamerPlatformInput!) {
  upsertStreamerPlatform(streamerId: $streamerId, input: $input) { ${STREAMER_FIELDS} } }`;
export const REMOVE_PLATFORM = `mutation($streamerId: ID!, $platform: Platform!) {
  removeStreamerPlatform(streamerId: $streamerId, platform: $platform) { ${STREAMER_FIELDS} } }`;
export const SET_VERIFICATION = `mutation($streamerId: ID!, $platform: Platform!, $status: StreamerVerificationStatus!) {
  setStreamerPlatformVerification(streamerId: $streamerId, platform: $platform, status: $status) { ${STREAMER_FIELDS} } }`;
export const MISSING = '0190a000-0000-7000-8000-000000000000';
const COUNT = `{ streamers(first: 100) { nodes { id } } }`;

/** The operations the streamer tests repeat, on the subgraph `current()` returns (set in beforeAll). */
export function streamerClient(current: () => TestSubgraph) {
  /** Runs an operation that must succeed and returns its data. */
  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await current().query(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  return {
    ok,
    create: async (overrides: Record<string, unknown> = {}) => (await ok(CREATE, { input: streamerInput(overrides) }))['createStreamer'],
    expectError: async (query: string, variables: Record<string, unknown>, extensions: Record<string, unknown>) => {
      const result = await current().query(query, variables);
      expect(result.errors?.[0]?.extensions).toMatchObject(extensions);
      return result;
    },
    streamerCount: async (): Promise<number> => (await ok(COUNT))['streamers'].nodes.length,
  };
}
