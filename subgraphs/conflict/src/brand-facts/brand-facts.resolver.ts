import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { BrandFacts, BrandFactsInput } from './brand-facts';

@Resolver(() => BrandFacts)
export class BrandFactsResolver {
  @Authorized('ADMIN')
  @Mutation(() => BrandFacts, {
    description: "Records a brand's categories (replacing them); its campaigns inherit them at once (a trigger recomputes them).",
  })
  async recordBrandFacts(@Arg('input', () => BrandFactsInput) input: BrandFactsInput, @Ctx() ctx: Context): Promise<BrandFacts> {
    const brandId = input.brandId.toLowerCase();
    const categories = [...new Set(input.categories)];
    const row = await ctx.db.brandFacts.upsert({ where: { brandId }, create: { brandId, categories }, update: { categories } });
    return { brandId: row.brandId, categories: row.categories };
  }
}
