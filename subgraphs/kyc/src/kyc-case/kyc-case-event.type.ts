import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { KycStatus } from './kyc-enums';

@ObjectType({ description: 'One status change of a KYC case.' })
export class KycCaseEvent {
  @Field(() => ID) id!: string;
  @Field(() => KycStatus, { nullable: true, description: 'Null for the event that opened the case.' }) fromStatus!: KycStatus | null;
  @Field(() => KycStatus) toStatus!: KycStatus;
  @Field(() => GraphQLDateTime) at!: Date;
  @Field(() => String, { nullable: true }) note!: string | null;
}
