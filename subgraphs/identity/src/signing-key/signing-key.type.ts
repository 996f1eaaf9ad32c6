import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum SigningKeyStatus {
  ACTIVE = 'ACTIVE',
  PASSIVE = 'PASSIVE',
  RETIRED = 'RETIRED',
}
registerEnumType(SigningKeyStatus, {
  name: 'SigningKeyStatus',
  description:
    'ACTIVE signs new access tokens (exactly one). PASSIVE no longer signs but stays in the JWKS until the tokens it signed have expired. RETIRED is out of the JWKS.',
});

@ObjectType({ description: 'An access token signing key (ES256). Its private half never leaves identity, and is sealed at rest.' })
export class SigningKeyInfo {
  @Field(() => String, { description: "The JWT header's kid: the key's RFC 7638 thumbprint." }) kid!: string;
  @Field(() => String) algorithm!: string;
  @Field(() => SigningKeyStatus) status!: SigningKeyStatus;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it stopped signing.' }) deactivatedAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it left the JWKS.' }) retiredAt!: Date | null;
}
