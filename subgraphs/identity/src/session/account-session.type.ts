import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One sign-in of an account (a refresh token family). Visible to its account only.' })
@Directive('@key(fields: "id")')
export class AccountSession {
  @Field(() => ID) id!: string;
  @Field(() => ID) accountId!: string;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field(() => String, { nullable: true, description: 'The client address at sign-in, as the router saw it.' }) ipAddress!: string | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime) lastUsedAt!: Date;
  @Field(() => GraphQLDateTime, { description: 'The absolute end: no refresh goes past it (idle sessions end sooner).' })
  expiresAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Boolean, { description: 'Neither revoked nor past its absolute end.' }) active!: boolean;
  @Field(() => Boolean, { description: "The session of the viewer's access token." }) current!: boolean;
}
