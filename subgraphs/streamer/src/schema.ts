import { buildFederatedSchema } from '@gametriggers/federation';
import { StreamerResolver } from './streamer/streamer.resolver';
import { resolveStreamerReference } from './streamer/streamer.reference';

export const buildStreamerSchema = () =>
  buildFederatedSchema({
    resolvers: [StreamerResolver],
    references: { Streamer: resolveStreamerReference as never },
  });
