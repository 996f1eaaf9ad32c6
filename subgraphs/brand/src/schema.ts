import { buildFederatedSchema } from '@gametriggers/federation';
import { BrandResolver } from './brand/brand.resolver';
import { resolveBrandReference } from './brand/brand.reference';

export const buildBrandSchema = () =>
  buildFederatedSchema({
    resolvers: [BrandResolver],
    references: { Brand: resolveBrandReference as never },
  });
