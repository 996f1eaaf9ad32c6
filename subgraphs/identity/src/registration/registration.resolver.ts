import { NotFoundError, isUuid } from '@gametriggers/federation';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { AccountKind } from '../account/account.type';
import { toAccount } from '../account/to-account';
import type { Context } from '../context';
import { registerAccount } from './register-account';
import type { RegistrationRequest } from './register-account';
import { RegisterBrandInput, RegisterStreamerInput } from './registration.inputs';
import { AccountRegistration, AccountRegistrationPayload, AccountRegistrationStatus } from './registration.type';
import { toRegistration } from './to-registration';

@Resolver(() => AccountRegistration)
export class RegistrationResolver {
  @Query(() => AccountRegistration, {
    nullable: true,
    description: 'The registration of an account (PENDING, ACTIVE or FAILED with the reason); null with NOT_FOUND when there is none.',
  })
  async registration(@Arg('accountId', () => ID) accountId: string, @Ctx() ctx: Context): Promise<AccountRegistration> {
    const row = isUuid(accountId) ? await ctx.db.accountRegistration.findUnique({ where: { accountId } }) : null;
    if (!row) throw new NotFoundError('AccountRegistration', accountId);
    return toRegistration(row);
  }

  @Mutation(() => AccountRegistrationPayload, {
    description:
      'Signs up a brand: the account is created PENDING and the brand subgraph creates the brand from `input.brand` with its own rules. The account becomes ACTIVE (and can sign in) once the brand exists, or FAILED with the reason when the profile is refused (`registration(accountId)`).',
  })
  async registerBrand(@Arg('input', () => RegisterBrandInput) input: RegisterBrandInput, @Ctx() ctx: Context) {
    return register(ctx, { kind: AccountKind.BRAND, email: input.email, password: input.password, profile: input.brand });
  }

  @Mutation(() => AccountRegistrationPayload, {
    description:
      'Signs up a streamer: as registerBrand, the streamer subgraph creating the streamer from `input.streamer` (a taken display name fails the registration).',
  })
  async registerStreamer(@Arg('input', () => RegisterStreamerInput) input: RegisterStreamerInput, @Ctx() ctx: Context) {
    return register(ctx, { kind: AccountKind.STREAMER, email: input.email, password: input.password, profile: input.streamer });
  }
}

async function register(ctx: Context, request: RegistrationRequest): Promise<AccountRegistrationPayload> {
  // Each sign-up hashes a password (tens of milliseconds of CPU): bounded per address.
  await ctx.services.limiter.attemptRegistration(ctx.client.ip);
  const { account, registration } = await registerAccount(ctx.db, request);
  return { account: toAccount(account), status: registration.status as AccountRegistrationStatus };
}
