import { paginate } from '@gametriggers/federation';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ParticipationListArgs } from '../participation/participation.inputs';
import { ParticipationConnection } from '../participation/participation.type';
import { toParticipation } from '../participation/to-participation';
import { StreamerReference } from './streamer.type';

@Resolver(() => StreamerReference)
export class StreamerParticipationsResolver {
  @FieldResolver(() => ParticipationConnection, { description: "The streamer's participations in campaigns, newest first." })
  async participations(
    @Root() streamer: StreamerReference,
    @Args(() => ParticipationListArgs) args: ParticipationListArgs,
    @Ctx() ctx: Context,
  ): Promise<ParticipationConnection> {
    const page = await paginate(args, (window) =>
      ctx.loaders.participationsOfStreamer.load({ parentId: streamer.id, ...window, filter: args.status ?? null }),
    );
    return { ...page, nodes: page.nodes.map(toParticipation) };
  }
}
