import { assertOwner } from '@gametriggers/federation';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { KycCase } from '../kyc-case/kyc-case.type';
import { KycStatus } from '../kyc-case/kyc-enums';
import { toKycCase } from '../kyc-case/to-kyc-case';
import { latestKycStatus } from './latest-kyc-status';
import { StreamerReference } from './streamer.type';

/** KYC fields of streamers. Both read one batched query of the cases of every streamer in the request. */
@Resolver(() => StreamerReference)
export class StreamerKycResolver {
  @FieldResolver(() => KycStatus, { description: "The status of the streamer's latest KYC case; NOT_STARTED when none." })
  async kycStatus(@Root() streamer: StreamerReference, @Ctx() ctx: Context): Promise<KycStatus> {
    return latestKycStatus(await ctx.loaders.streamerCases.load(streamer.id));
  }

  @FieldResolver(() => [KycCase], { nullable: true, description: "The streamer's KYC cases, newest first: the streamer and admins only." })
  async kycCases(@Root() streamer: StreamerReference, @Ctx() ctx: Context): Promise<KycCase[] | null> {
    assertOwner(ctx.viewer, { streamerId: streamer.id });
    return (await ctx.loaders.streamerCases.load(streamer.id)).map(toKycCase);
  }
}
