import { Connection, Money } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { WithdrawalStatus } from './withdrawal.enums';

@ObjectType({ description: 'One status change of a withdrawal.' })
export class WithdrawalTransition {
  @Field(() => WithdrawalStatus, { nullable: true }) fromStatus!: WithdrawalStatus | null;
  @Field(() => WithdrawalStatus) toStatus!: WithdrawalStatus;
  @Field(() => String, { nullable: true, description: 'Who moved it: `STREAMER:<account>`, `ADMIN:<account>`, `SYSTEM:<job>`.' })
  actor!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => ID, { nullable: true, description: 'The ledger transaction written with the change.' }) ledgerTransactionId!: string | null;
  @Field(() => GraphQLDateTime) at!: Date;
}

@ObjectType({ description: "A streamer's payout request; its money is held from the request until it is paid, rejected or failed." })
@Directive('@key(fields: "id")')
export class Withdrawal {
  @Field(() => ID) id!: string;
  @Field(() => ID) streamerId!: string;
  @Field(() => ID) paymentMethodId!: string;
  @Field(() => Money) amount!: Money;
  @Field(() => WithdrawalStatus) status!: WithdrawalStatus;
  @Field(() => Boolean, { description: 'Above the approval threshold: an admin other than the requester must approve.' })
  requiresApproval!: boolean;
  @Field(() => String) requestedBy!: string;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) rejectionReason!: string | null;
  @Field(() => String, { nullable: true, description: "The payout provider's reference, once submitted." }) providerReference!:
    string | null;
  @Field(() => String, { nullable: true }) failureReason!: string | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime) updatedAt!: Date;
}

@ObjectType()
export class WithdrawalConnection extends Connection(Withdrawal) {}
