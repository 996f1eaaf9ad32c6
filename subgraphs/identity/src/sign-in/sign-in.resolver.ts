import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { toAccount } from '../account/to-account';
import type { Context } from '../context';
import { toAccountSession } from '../session/to-account-session';
import { SignInInput } from './sign-in.inputs';
import { SignInPayload } from './sign-in.type';
import { signIn } from './sign-in';

@Resolver(() => SignInPayload)
export class SignInResolver {
  @Mutation(() => SignInPayload, {
    description:
      'Signs in with email and password and opens a session. Wrong password, unknown email and wrong kind all fail alike: UNAUTHENTICATED, "Invalid email or password". A suspended or disabled account gets FORBIDDEN.',
  })
  async signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: Context): Promise<SignInPayload> {
    const { account, session, sessionToken } = await signIn(ctx.db, input);
    return { account: toAccount(account), session: toAccountSession(session), sessionToken };
  }
}
