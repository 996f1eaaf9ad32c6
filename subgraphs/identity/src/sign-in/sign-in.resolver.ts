import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { AccountKind } from '../account/account.type';
import type { Context } from '../context';
import { AccountSession } from '../session/account-session.type';
import { endAllSessions, endSession } from '../session/end-sessions';
import { refreshSession } from '../session/refresh-session';
import { RevokedReason } from '../session/session-lifetimes';
import { toAccountSession } from '../session/to-account-session';
import { requireAccount } from '../viewer/require-viewer';
import { AuthPayload } from './auth-payload.type';
import { SignInInput } from './sign-in.inputs';
import { signIn } from './sign-in';
import { toAuthPayload } from './to-auth-payload';

const SIGN_IN_ERRORS =
  'Wrong password and unknown email fail alike: UNAUTHENTICATED "Invalid email or password". A pending, suspended or disabled account gets FORBIDDEN (only with the right password). Too many attempts for the email or from the address: RATE_LIMITED with `retryAfterSeconds`.';

@Resolver(() => AuthPayload)
export class SignInResolver {
  @Mutation(() => AuthPayload, { description: `Signs in a brand account and opens a session. ${SIGN_IN_ERRORS}` })
  async signInBrand(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    return toAuthPayload(await signIn(ctx, AccountKind.BRAND, input));
  }

  @Mutation(() => AuthPayload, { description: `Signs in a streamer account and opens a session. ${SIGN_IN_ERRORS}` })
  async signInStreamer(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    return toAuthPayload(await signIn(ctx, AccountKind.STREAMER, input));
  }

  @Mutation(() => AuthPayload, {
    description: `Signs in an admin (accounts made by \`npm run identity:create-admin\`, never by sign-up). Admin sessions are short. ${SIGN_IN_ERRORS}`,
  })
  async signInAdmin(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: Context): Promise<AuthPayload> {
    return toAuthPayload(await signIn(ctx, AccountKind.ADMIN, input));
  }

  @Mutation(() => AuthPayload, {
    description:
      'Exchanges a refresh token for a new access token and refresh token; the one presented stops working. Presenting a used refresh token again (after a few seconds of grace) ends the session: someone else may hold it. Any refusal is UNAUTHENTICATED: sign in again.',
  })
  async refreshSession(@Arg('refreshToken', () => String) refreshToken: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    return toAuthPayload(await refreshSession(ctx.db, ctx.services, ctx.logger, refreshToken));
  }

  @Mutation(() => Boolean, {
    description:
      "true once the viewer's current session has ended. Ends the viewer's current session: its refresh token stops working (its access token lasts until it expires).",
  })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    const viewer = requireAccount(ctx);
    await endSession(ctx.db, { accountId: viewer.accountId, sessionId: viewer.sessionId });
    return true;
  }

  @Mutation(() => AccountSession, {
    description:
      "Ends one of the viewer's own sessions (another device); NOT_FOUND for anyone else's. Ending an ended one changes nothing.",
  })
  async signOutSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AccountSession> {
    const viewer = requireAccount(ctx);
    return toAccountSession(await endSession(ctx.db, { accountId: viewer.accountId, sessionId: id }), ctx.now, viewer.sessionId);
  }

  @Mutation(() => Int, { description: "Ends every session of the viewer's account, the current one included; returns how many ended." })
  async signOutEverywhere(@Ctx() ctx: Context): Promise<number> {
    const viewer = requireAccount(ctx);
    return endAllSessions(ctx.db, viewer.accountId, RevokedReason.SIGN_OUT_EVERYWHERE);
  }
}
