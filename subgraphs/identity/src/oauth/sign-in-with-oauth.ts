import { AppError, ConflictError, isUniqueViolation } from '@gametriggers/federation';
import { AccountStatus } from '../account/account.type';
import type { Context } from '../context';
import { openSession } from '../session/open-session';
import type { IssuedTokens } from '../session/open-session';
import { completeOAuth, sealedTokens } from './complete-oauth';

/**
 * Signs in the streamer account linked to the provider identity that just authorized. No account is
 * created here: a streamer registers (registerStreamer), then links the provider (linkOAuth).
 */
export async function signInWithOAuth(ctx: Context, callbackUrl: string, now = new Date()): Promise<IssuedTokens> {
  const identity = await completeOAuth(ctx, callbackUrl, 'SIGN_IN', null, now);
  const linked = await ctx.db.externalIdentity.findUnique({
    where: { provider_subject: { provider: identity.provider, subject: identity.subject } },
    include: { account: true },
  });
  if (!linked || linked.issuer !== identity.issuer) {
    throw new AppError(
      'UNAUTHENTICATED',
      `No streamer account is linked to this ${identity.provider} account: sign in with your password and link it`,
    );
  }
  if (linked.account.status !== AccountStatus.ACTIVE) {
    throw new AppError('FORBIDDEN', `This account is ${linked.account.status.toLowerCase()}`);
  }
  await ctx.db.externalIdentity.update({
    where: { id: linked.id },
    data: { ...(await sealedTokens(ctx, identity)), email: identity.email, username: identity.username, lastSignInAt: now },
  });
  return openSession(ctx.db, ctx.services, linked.account, ctx.client, now);
}

/** Links the provider identity that just authorized to the viewer's streamer account (or refreshes its tokens). */
export async function linkOAuth(ctx: Context, accountId: string, callbackUrl: string, now = new Date()) {
  const identity = await completeOAuth(ctx, callbackUrl, 'LINK', accountId, now);
  const data = { issuer: identity.issuer, email: identity.email, username: identity.username, ...(await sealedTokens(ctx, identity)) };
  try {
    return await ctx.db.externalIdentity.upsert({
      where: { accountId_provider: { accountId, provider: identity.provider } },
      create: { accountId, provider: identity.provider, subject: identity.subject, linkedAt: now, ...data },
      update: { subject: identity.subject, linkedAt: now, ...data },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`This ${identity.provider} account is linked to another streamer account`);
    throw error;
  }
}
