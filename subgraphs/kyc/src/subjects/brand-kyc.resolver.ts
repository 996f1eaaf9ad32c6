import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { KycStatus } from '../kyc-case/kyc-enums';
import { BrandReference } from './brand.type';
import { latestKycStatus } from './latest-kyc-status';

/** KYC status of brands, from one batched query of the cases of every brand in the request. */
@Resolver(() => BrandReference)
export class BrandKycResolver {
  @FieldResolver(() => KycStatus, { description: "The status of the brand's latest KYC case; NOT_STARTED when none." })
  async kycStatus(@Root() brand: BrandReference, @Ctx() ctx: Context): Promise<KycStatus> {
    return latestKycStatus(await ctx.loaders.brandCases.load(brand.id));
  }
}
