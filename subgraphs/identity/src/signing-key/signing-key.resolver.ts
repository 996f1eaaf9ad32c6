import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import type { SigningKey } from '../generated/prisma/client';
import { requireAdmin } from '../viewer/require-viewer';
import { SigningKeyInfo } from './signing-key.type';
import type { SigningKeyStatus } from './signing-key.type';

const toInfo = (row: SigningKey): SigningKeyInfo => ({
  kid: row.kid,
  algorithm: row.algorithm,
  status: row.status as SigningKeyStatus,
  createdAt: row.createdAt,
  deactivatedAt: row.deactivatedAt,
  retiredAt: row.retiredAt,
});

@Resolver(() => SigningKeyInfo)
export class SigningKeyResolver {
  @Query(() => [SigningKeyInfo], { description: 'Admins only. The access token signing keys, newest first.' })
  async signingKeys(@Ctx() ctx: Context): Promise<SigningKeyInfo[]> {
    requireAdmin(ctx);
    await ctx.services.signingKeys.publicKeys(); // retires what is due, so statuses are current
    return (await ctx.db.signingKey.findMany({ orderBy: { createdAt: 'desc' } })).map(toInfo);
  }

  @Mutation(() => SigningKeyInfo, {
    description:
      'Admins only. Makes a new ACTIVE signing key; the previous one becomes PASSIVE (tokens it signed keep verifying until they expire, then it is RETIRED). Also `npm run identity:rotate-key`.',
  })
  async rotateSigningKey(@Ctx() ctx: Context): Promise<SigningKeyInfo> {
    const admin = requireAdmin(ctx);
    const created = await ctx.services.signingKeys.rotate();
    ctx.logger.info({ kid: created.kid, by: admin.accountId }, 'signing key rotated by an admin');
    return toInfo(created);
  }
}
