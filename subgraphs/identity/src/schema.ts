import { buildFederatedSchema } from '@gametriggers/federation';
import { resolveAccountReference } from './account/account.reference';
import { AccountResolver } from './account/account.resolver';
import { warmUpPasswordHashing } from './account/password';
import { RegistrationResolver } from './registration/registration.resolver';
import { resolveAccountSessionReference } from './session/account-session.reference';
import { AccountSessionResolver } from './session/account-session.resolver';
import { SignInResolver } from './sign-in/sign-in.resolver';
import { SigningKeyResolver } from './signing-key/signing-key.resolver';
import { OAuthResolver } from './oauth/oauth.resolver';

export const buildIdentitySchema = () => {
  warmUpPasswordHashing();
  return buildFederatedSchema({
    resolvers: [AccountResolver, AccountSessionResolver, RegistrationResolver, SignInResolver, SigningKeyResolver, OAuthResolver],
    references: { Account: resolveAccountReference as never, AccountSession: resolveAccountSessionReference as never },
  });
};
