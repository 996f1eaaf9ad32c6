import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AccountKind {
  BRAND = 'BRAND',
  STREAMER = 'STREAMER',
  ADMIN = 'ADMIN',
}
registerEnumType(AccountKind, {
  name: 'AccountKind',
  description: 'Who an account signs in as: someone at a brand, a streamer, or a GameTriggers admin.',
});

export enum AccountStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  DISABLED = 'DISABLED',
  PENDING = 'PENDING',
  FAILED = 'FAILED',
}
registerEnumType(AccountStatus, {
  name: 'AccountStatus',
  description:
    'Only ACTIVE accounts can sign in; SUSPENDED is temporary, DISABLED is for good. PENDING: registered (registerBrand / registerStreamer), its brand or streamer not created yet. FAILED: its registration was refused, see `registration`; its email is free again.',
  valuesConfig: {
    PENDING: { description: 'Registered; waits for its brand or streamer to exist. Cannot sign in.' },
    FAILED: { description: 'Its registration was refused; no brand or streamer exists. Cannot sign in.' },
  },
});

/** Statuses of a registration in progress or refused: no entity, no sign-in, not changed by setAccountStatus. */
export const REGISTRATION_STATUSES: readonly AccountStatus[] = [AccountStatus.PENDING, AccountStatus.FAILED];

@ObjectType({ description: 'Someone who signs in. The password hash never leaves the identity subgraph.' })
@Directive('@key(fields: "id")')
export class Account {
  @Field(() => ID) id!: string;
  @Field(() => AccountKind) kind!: AccountKind;
  @Field(() => String, { description: 'Lowercase; unique per kind.' }) email!: string;
  @Field(() => AccountStatus) status!: AccountStatus;
  @Field(() => ID, { nullable: true, description: 'The brand a BRAND account acts for; null until its registration completes.' }) brandId!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'The streamer a STREAMER account acts for; null until its registration completes.' })
  streamerId!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) emailVerifiedAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) lastSignInAt!: Date | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
}
