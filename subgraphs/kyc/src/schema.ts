import { buildFederatedSchema } from '@gametriggers/federation';
import { KycCaseResolver } from './kyc-case/kyc-case.resolver';
import { resolveKycCaseReference } from './kyc-case/kyc-case.reference';
import { BrandKycResolver } from './subjects/brand-kyc.resolver';
import { StreamerKycResolver } from './subjects/streamer-kyc.resolver';

export const buildKycSchema = () =>
  buildFederatedSchema({
    resolvers: [KycCaseResolver, StreamerKycResolver, BrandKycResolver],
    references: { KycCase: resolveKycCaseReference as never },
  });
