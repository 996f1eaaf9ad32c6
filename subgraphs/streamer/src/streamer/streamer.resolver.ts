import { Connection, NotFoundError, Platform, assertOwner } from '@gametriggers/federation';
import { Arg, Args, Authorized, Ctx, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { createStreamer } from './create-streamer';
import { listStreamers } from './list-streamers';
import { removeStreamerPlatform } from './remove-streamer-platform';
import { setStreamerPlatformVerification } from './set-streamer-platform-verification';
import { StreamerVerificationStatus } from './streamer-platform-profile.type';
import { CreateStreamerInput, StreamerPlatformInput, StreamersArgs, UpdateStreamerInput } from './streamer.inputs';
import { Streamer } from './streamer.type';
import { toStreamer } from './to-streamer';
import { updateStreamer } from './update-streamer';
import { upsertStreamerPlatform } from './upsert-streamer-platform';

@ObjectType()
export class StreamerConnection extends Connection(Streamer) {}

@Resolver(() => Streamer)
export class StreamerResolver {
  @Query(() => Streamer, { nullable: true, description: 'A streamer by id; null with a NOT_FOUND error when there is none.' })
  async streamer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Streamer> {
    const row = await ctx.loaders.streamer.load(id);
    if (!row) throw new NotFoundError('Streamer', id);
    return toStreamer(row);
  }

  @Query(() => StreamerConnection, {
    description: 'Streamers, newest first. platform, category and minAverageViewers must all hold for one platform profile.',
  })
  async streamers(@Args(() => StreamersArgs) args: StreamersArgs, @Ctx() ctx: Context): Promise<StreamerConnection> {
    const page = await listStreamers(ctx.db, args);
    return { ...page, nodes: page.nodes.map(toStreamer) };
  }

  @Authorized('ADMIN')
  @Mutation(() => Streamer, {
    description:
      'Admins only (streamers sign up through identity: registerStreamer). Fails with CONFLICT on input.displayName when the name is taken (ignoring case).',
  })
  async createStreamer(@Arg('input', () => CreateStreamerInput) input: CreateStreamerInput, @Ctx() ctx: Context): Promise<Streamer> {
    return toStreamer(await ctx.db.$transaction((tx) => createStreamer(tx, input)));
  }

  @Mutation(() => Streamer, { description: 'The streamer themself or an admin.' })
  async updateStreamer(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateStreamerInput) input: UpdateStreamerInput,
    @Ctx() ctx: Context,
  ): Promise<Streamer> {
    assertOwner(ctx.viewer, { streamerId: id });
    return toStreamer(await updateStreamer(ctx.db, id, input));
  }

  @Mutation(() => Streamer, {
    description: "Adds or refreshes the streamer's profile on input.platform. The streamer themself or an admin.",
  })
  async upsertStreamerPlatform(
    @Arg('streamerId', () => ID) streamerId: string,
    @Arg('input', () => StreamerPlatformInput) input: StreamerPlatformInput,
    @Ctx() ctx: Context,
  ): Promise<Streamer> {
    assertOwner(ctx.viewer, { streamerId });
    return toStreamer(await upsertStreamerPlatform(ctx.db, streamerId, input));
  }

  @Mutation(() => Streamer, { description: 'The streamer themself or an admin.' })
  async removeStreamerPlatform(
    @Arg('streamerId', () => ID) streamerId: string,
    @Arg('platform', () => Platform) platform: Platform,
    @Ctx() ctx: Context,
  ): Promise<Streamer> {
    assertOwner(ctx.viewer, { streamerId });
    return toStreamer(await removeStreamerPlatform(ctx.db, streamerId, platform));
  }

  @Authorized('ADMIN')
  @Mutation(() => Streamer, { description: 'Admins only: whether we confirmed the streamer owns the channel.' })
  async setStreamerPlatformVerification(
    @Arg('streamerId', () => ID) streamerId: string,
    @Arg('platform', () => Platform) platform: Platform,
    @Arg('status', () => StreamerVerificationStatus) status: StreamerVerificationStatus,
    @Ctx() ctx: Context,
  ): Promise<Streamer> {
    return toStreamer(await setStreamerPlatformVerification(ctx.db, streamerId, platform, status));
  }
}
