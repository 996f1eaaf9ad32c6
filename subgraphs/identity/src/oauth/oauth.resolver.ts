import { AppError } from '@gametriggers/federation';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import type { ExternalIdentity as ExternalIdentityRow } from '../generated/prisma/client';
import { AuthPayload } from '../sign-in/auth-payload.type';
import { toAuthPayload } from '../sign-in/to-auth-payload';
import { requireAccount } from '../viewer/require-viewer';
import type { AccountViewer } from '../viewer/require-viewer';
import { beginOAuth } from './begin-oauth';
import { ExternalIdentity, OAuthAuthorization, OAuthProvider } from './oauth.type';
import { linkOAuth, signInWithOAuth } from './sign-in-with-oauth';

const toExternalIdentity = (row: ExternalIdentityRow): ExternalIdentity => ({
  id: row.id,
  provider: row.provider as OAuthProvider,
  username: row.username,
  email: row.email,
  linkedAt: row.linkedAt,
  lastSignInAt: row.lastSignInAt,
});

function requireStreamer(ctx: Context): AccountViewer {
  const viewer = requireAccount(ctx);
  if (viewer.kind !== 'STREAMER') throw new AppError('FORBIDDEN', 'Only streamer accounts link providers');
  return viewer;
}

@Resolver()
export class OAuthResolver {
  @Mutation(() => OAuthAuthorization, {
    description:
      'Starts a streamer sign-in with a provider: send the browser to `authorizationUrl`, then pass the URL it comes back to to completeOAuthSignIn.',
  })
  async beginOAuthSignIn(@Arg('provider', () => OAuthProvider) provider: OAuthProvider, @Ctx() ctx: Context): Promise<OAuthAuthorization> {
    return beginOAuth(ctx, provider, 'SIGN_IN', null);
  }

  @Mutation(() => AuthPayload, {
    description:
      'Completes a provider sign-in: `callbackUrl` is the URL the provider redirected the browser to (code, state). Signs in the streamer account linked to that provider account; UNAUTHENTICATED when none is, or when the flow is unknown, used or expired.',
  })
  async completeOAuthSignIn(@Arg('callbackUrl', () => String) callbackUrl: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    return toAuthPayload(await signInWithOAuth(ctx, callbackUrl));
  }

  @Mutation(() => OAuthAuthorization, { description: "Starts linking a provider account to the viewer's streamer account." })
  async beginOAuthLink(@Arg('provider', () => OAuthProvider) provider: OAuthProvider, @Ctx() ctx: Context): Promise<OAuthAuthorization> {
    const viewer = requireStreamer(ctx);
    return beginOAuth(ctx, provider, 'LINK', viewer.accountId);
  }

  @Mutation(() => ExternalIdentity, {
    description:
      'Completes a link started by the same viewer with beginOAuthLink. CONFLICT when that provider account is linked to another streamer; linking again replaces the previous link of that provider.',
  })
  async completeOAuthLink(@Arg('callbackUrl', () => String) callbackUrl: string, @Ctx() ctx: Context): Promise<ExternalIdentity> {
    const viewer = requireStreamer(ctx);
    return toExternalIdentity(await linkOAuth(ctx, viewer.accountId, callbackUrl));
  }

  @Mutation(() => Boolean, { description: 'Removes the link to a provider (and the tokens kept for it); false when there was none.' })
  async unlinkOAuth(@Arg('provider', () => OAuthProvider) provider: OAuthProvider, @Ctx() ctx: Context): Promise<boolean> {
    const viewer = requireStreamer(ctx);
    const { count } = await ctx.db.externalIdentity.deleteMany({ where: { accountId: viewer.accountId, provider } });
    return count > 0;
  }

  @Query(() => [ExternalIdentity], { description: "The provider accounts linked to the viewer's streamer account." })
  async myExternalIdentities(@Ctx() ctx: Context): Promise<ExternalIdentity[]> {
    const viewer = requireStreamer(ctx);
    const rows = await ctx.db.externalIdentity.findMany({ where: { accountId: viewer.accountId }, orderBy: { linkedAt: 'asc' } });
    return rows.map(toExternalIdentity);
  }
}
