import { PageArgs, pageQuery, paginate } from '@gametriggers/federation';
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import type { Prisma } from '../generated/prisma/client';
import type { AgeRange, Platform } from '../generated/prisma/enums';
import { streamerInclude } from '../streamer/streamer-row';
import { StreamerConnection } from '../streamer/streamer.resolver';
import { toStreamer } from '../streamer/to-streamer';
import { CampaignReference } from './campaign.type';
import type { CampaignTargetingFacts } from './campaign.type';

/**
 * The streamers a campaign's targeting admits (empty lists mean "any"): country, languages and
 * audience ages on the streamer; platform, average viewers and categories all on one profile.
 */
export function eligibleStreamersWhere(targeting: CampaignTargetingFacts): Prisma.StreamerWhereInput {
  const profile: Prisma.StreamerPlatformProfileWhereInput = {
    ...(targeting.platforms.length ? { platform: { in: targeting.platforms as Platform[] } } : {}),
    ...(targeting.categories.length ? { categories: { hasSome: targeting.categories } } : {}),
    ...(targeting.minAverageViewers != null || targeting.maxAverageViewers != null
      ? {
          averageViewers: {
            ...(targeting.minAverageViewers != null ? { gte: targeting.minAverageViewers } : {}),
            ...(targeting.maxAverageViewers != null ? { lte: targeting.maxAverageViewers } : {}),
          },
        }
      : {}),
  };
  return {
    ...(targeting.countries.length ? { country: { in: targeting.countries } } : {}),
    ...(targeting.languages.length ? { languages: { hasSome: targeting.languages } } : {}),
    ...(targeting.audienceAgeRanges.length ? { audienceAgeRanges: { hasSome: targeting.audienceAgeRanges as AgeRange[] } } : {}),
    platforms: { some: profile },
  };
}

@Resolver(() => CampaignReference)
export class CampaignEligibilityResolver {
  @FieldResolver(() => StreamerConnection, {
    description:
      "Streamers the campaign's targeting admits (country, languages, audience ages, and platform, average viewers and categories on one platform profile), newest first.",
  })
  @Directive(
    '@requires(fields: "targeting { platforms categories countries languages minAverageViewers maxAverageViewers audienceAgeRanges }")',
  )
  async eligibleStreamers(
    @Root() campaign: CampaignReference,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<StreamerConnection> {
    const where = eligibleStreamersWhere(campaign.targeting!);
    const page = await paginate(args, (window) => ctx.db.streamer.findMany({ ...pageQuery(window), where, include: streamerInclude }));
    return { ...page, nodes: page.nodes.map(toStreamer) };
  }
}
