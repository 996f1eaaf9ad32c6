import { Connection, NotFoundError, PageArgs, assertOwner, pageQuery, paginate } from '@gametriggers/federation';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import type { Context } from '../context';
import { Brand } from './brand.type';
import { CreateBrandInput, UpdateBrandInput } from './brand.inputs';
import { createBrand } from './create-brand';
import { toBrand } from './to-brand';
import { updateBrand } from './update-brand';

@ObjectType()
class BrandConnection extends Connection(Brand) {}

@ArgsType()
class BrandsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only brands of this industry.' })
  @IsOptional()
  @Length(1, 100)
  industry?: string | null;
}

@Resolver(() => Brand)
export class BrandResolver {
  @Query(() => Brand, { nullable: true, description: 'A brand by id; null with a NOT_FOUND error when there is none.' })
  async brand(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Brand> {
    const row = await ctx.loaders.brand.load(id);
    if (!row) throw new NotFoundError('Brand', id);
    return toBrand(row);
  }

  @Query(() => BrandConnection, { description: 'Brands, newest first.' })
  async brands(@Args(() => BrandsArgs) args: BrandsArgs, @Ctx() ctx: Context): Promise<BrandConnection> {
    const page = await paginate(args, (window) =>
      ctx.db.brand.findMany({ ...pageQuery(window), where: args.industry ? { industry: args.industry } : {} }),
    );
    return { ...page, nodes: page.nodes.map(toBrand) };
  }

  @Authorized('ADMIN')
  @Mutation(() => Brand, { description: 'Admins only: brands sign up through identity (registerBrand).' })
  async createBrand(@Arg('input', () => CreateBrandInput) input: CreateBrandInput, @Ctx() ctx: Context): Promise<Brand> {
    return toBrand(await ctx.db.$transaction((tx) => createBrand(tx, input)));
  }

  @Mutation(() => Brand, { description: 'The brand itself or an admin.' })
  async updateBrand(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateBrandInput) input: UpdateBrandInput,
    @Ctx() ctx: Context,
  ): Promise<Brand> {
    assertOwner(ctx.viewer, { brandId: id });
    return toBrand(await updateBrand(ctx.db, id, input));
  }
}
