import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Account } from '../account/account.type';

@ObjectType({
  description:
    'Tokens of a session. Send the access token as `Authorization: Bearer <accessToken>`; before it expires, exchange the refresh token with refreshSession for a new pair (each refresh token works once). The refresh token is shown only here: identity keeps its hash.',
})
export class AuthPayload {
  @Field(() => String, {
    description: 'A JWT (ES256, typ at+jwt) verifiable with the keys at /.well-known/jwks.json; lives 15 minutes.',
  })
  accessToken!: string;

  @Field(() => GraphQLDateTime) accessTokenExpiresAt!: Date;

  @Field(() => String, { description: 'Opaque (32 random bytes, base64url); single use: refreshSession returns its successor.' })
  refreshToken!: string;

  @Field(() => GraphQLDateTime, {
    description: 'When the refresh token expires unused (idle lifetime), never after the session ends (absolute lifetime).',
  })
  refreshTokenExpiresAt!: Date;

  @Field(() => String, { description: 'Always "Bearer".' }) tokenType!: string;
  @Field(() => Account) account!: Account;
}
