import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One sign-in of an account. Its token is shown once, at sign-in, and never stored.' })
@Directive('@key(fields: "id")')
export class AccountSession {
  @Field(() => ID) id!: string;
  @Field(() => ID) accountId!: string;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field(() => String, { nullable: true }) ipAddress!: string | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime) lastUsedAt!: Date;
  @Field(() => GraphQLDateTime) expiresAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Boolean, { description: 'Neither revoked nor expired.' }) active!: boolean;
}
