import { Field, ObjectType } from 'type-graphql';
import { Account } from '../account/account.type';
import { AccountSession } from '../session/account-session.type';

@ObjectType({ description: 'A new session. The token is shown here once: only its hash is kept.' })
export class SignInPayload {
  @Field(() => Account) account!: Account;
  @Field(() => AccountSession) session!: AccountSession;
  @Field(() => String, { description: 'Opaque bearer token of the session (32 random bytes, base64url).' }) sessionToken!: string;
}
