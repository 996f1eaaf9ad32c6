import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Account, AccountKind } from '../account/account.type';

export enum AccountRegistrationStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  FAILED = 'FAILED',
}
registerEnumType(AccountRegistrationStatus, {
  name: 'AccountRegistrationStatus',
  description:
    'PENDING: the brand or streamer is being created. ACTIVE: it exists and the account can sign in. FAILED: its profile was refused; nothing was created and the email is free again.',
});

@ObjectType({ description: 'A brand or streamer sign-up and how it ended.' })
export class AccountRegistration {
  @Field(() => ID) accountId!: string;
  @Field(() => AccountKind, { description: 'BRAND or STREAMER.' }) kind!: AccountKind;
  @Field(() => AccountRegistrationStatus) status!: AccountRegistrationStatus;
  @Field(() => String, { nullable: true, description: 'Why it FAILED, as the brand or streamer subgraph put it.' }) reason!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The refused field as a path in the register mutation (`input.streamer.displayName`), when one field was at fault.',
  })
  field!: string | null;

  @Field(() => GraphQLDateTime) requestedAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it became ACTIVE or FAILED.' }) completedAt!: Date | null;
}

@ObjectType({ description: 'A registration just requested: the account is PENDING until its brand or streamer exists.' })
export class AccountRegistrationPayload {
  @Field(() => Account) account!: Account;
  @Field(() => AccountRegistrationStatus, { description: 'PENDING; follow it with `registration(accountId)`.' })
  status!: AccountRegistrationStatus;
}
