import { pageQuery, paginate } from '@gametriggers/federation';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { StreamersArgs } from './streamer.inputs';
import { streamerInclude } from './streamer-row';

/**
 * A page of streamers, newest first. The platform filters must all hold for one profile
 * ("a TWITCH channel in fps averaging 1000+"), and run in SQL as an EXISTS on the profiles.
 */
export function listStreamers(db: Db, args: StreamersArgs) {
  const profile: Prisma.StreamerPlatformProfileWhereInput = {
    ...(args.platform ? { platform: args.platform } : {}),
    ...(args.category ? { categories: { has: args.category } } : {}),
    ...(args.minAverageViewers != null ? { averageViewers: { gte: args.minAverageViewers } } : {}),
  };
  const where: Prisma.StreamerWhereInput = {
    ...(args.country ? { country: args.country } : {}),
    ...(Object.keys(profile).length ? { platforms: { some: profile } } : {}),
  };
  return paginate(args, (window) => db.streamer.findMany({ ...pageQuery(window), where, include: streamerInclude }));
}
