import { PageArgs } from '@gametriggers/federation';
import { ArgsType, Field } from 'type-graphql';
import { AccountKind, AccountStatus } from './account.type';

@ArgsType()
export class AccountsArgs extends PageArgs {
  @Field(() => AccountKind, { nullable: true }) kind?: AccountKind | null;
  @Field(() => AccountStatus, { nullable: true }) status?: AccountStatus | null;
}
