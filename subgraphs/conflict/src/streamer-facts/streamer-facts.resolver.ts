import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { StreamerFacts, StreamerFactsInput } from './streamer-facts';
import type { Platform } from '@gametriggers/federation';

@Resolver(() => StreamerFacts)
export class StreamerFactsResolver {
  @Authorized('ADMIN')
  @Mutation(() => StreamerFacts, { description: "Records (replaces) a streamer's facts for custom rules." })
  async recordStreamerFacts(
    @Arg('input', () => StreamerFactsInput) input: StreamerFactsInput,
    @Ctx() ctx: Context,
  ): Promise<StreamerFacts> {
    const streamerId = input.streamerId.toLowerCase();
    const facts = {
      country: input.country ?? null,
      averageViewers: input.averageViewers ?? null,
      categories: [...new Set(input.categories)],
      platforms: [...new Set(input.platforms)],
    };
    const row = await ctx.db.streamerFacts.upsert({ where: { streamerId }, create: { streamerId, ...facts }, update: facts });
    return { ...row, platforms: row.platforms as Platform[] };
  }
}
