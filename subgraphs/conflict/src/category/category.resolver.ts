import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { toCategories } from './category-tree';
import { Category } from './category.type';
import { deleteCategory } from './delete-category';
import { setCategoryParent } from './set-category-parent';

@Resolver(() => Category)
export class CategoryResolver {
  @Authorized()
  @Query(() => [Category], { description: 'The category hierarchy the conflict rules use, by slug.' })
  async categoryHierarchy(@Ctx() ctx: Context): Promise<Category[]> {
    return toCategories(await ctx.db.category.findMany({ orderBy: { slug: 'asc' } }));
  }

  @Authorized('ADMIN')
  @Mutation(() => Category, {
    description: 'Puts a category under a parent (null: a root), creating both as needed; refuses cycles. Campaigns in it follow at once.',
  })
  async setCategoryParent(
    @Arg('slug', () => String) slug: string,
    @Arg('parentSlug', () => String, { nullable: true }) parentSlug: string | null,
    @Ctx() ctx: Context,
  ): Promise<Category> {
    await setCategoryParent(ctx.db, slug, parentSlug ?? null);
    return toCategories(await ctx.db.category.findMany()).find((category) => category.slug === slug)!;
  }

  @Authorized('ADMIN')
  @Mutation(() => String, { description: 'Removes a category without children from the hierarchy; returns its slug.' })
  async deleteCategory(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<string> {
    return deleteCategory(ctx.db, slug);
  }
}
