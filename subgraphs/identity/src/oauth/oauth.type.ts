import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum OAuthProvider {
  TWITCH = 'TWITCH',
  YOUTUBE = 'YOUTUBE',
}
registerEnumType(OAuthProvider, {
  name: 'OAuthProvider',
  description: 'A provider a streamer signs in with or links (OAuth 2.0 / OpenID Connect, endpoints configured per deployment).',
});

@ObjectType({ description: 'Where to send the browser to authorize; the provider sends it back to the configured redirect URI.' })
export class OAuthAuthorization {
  @Field(() => String, { description: 'The provider URL, with PKCE (S256), state and nonce.' }) authorizationUrl!: string;
  @Field(() => String, { description: 'The `state` in that URL; the callback must carry it back.' }) state!: string;
  @Field(() => GraphQLDateTime, { description: 'The flow must be completed before this (10 minutes).' }) expiresAt!: Date;
}

@ObjectType({ description: "An account at a provider linked to the viewer's streamer account. Its tokens never leave identity." })
export class ExternalIdentity {
  @Field(() => ID) id!: string;
  @Field(() => OAuthProvider) provider!: OAuthProvider;
  @Field(() => String, { nullable: true, description: 'The name there (preferred_username).' }) username!: string | null;
  @Field(() => String, { nullable: true, description: 'The verified email there, when the provider shares it.' }) email!: string | null;
  @Field(() => GraphQLDateTime) linkedAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) lastSignInAt!: Date | null;
}
