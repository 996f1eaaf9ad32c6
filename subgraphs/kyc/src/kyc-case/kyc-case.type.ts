import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { KycDocumentType, KycStatus, KycSubjectType } from './kyc-enums';

@ObjectType({ description: 'One identity verification of a streamer or a brand.' })
@Directive('@key(fields: "id")')
export class KycCase {
  @Field(() => ID) id!: string;
  @Field(() => KycSubjectType) subjectType!: KycSubjectType;
  @Field(() => ID, { description: 'The Streamer or Brand id.' }) subjectId!: string;
  @Field(() => KycDocumentType) documentType!: KycDocumentType;
  @Field(() => String, { description: 'Issuing country, ISO 3166-1 alpha-2.' }) documentCountry!: string;
  @Field(() => KycStatus) status!: KycStatus;
  @Field(() => Int, { description: 'Submissions so far.' }) attempts!: number;
  @Field(() => Int, { description: 'Submissions still allowed (3 per case).' }) attemptsRemaining!: number;
  @Field(() => String, { nullable: true, description: 'Why the last review rejected it; cleared on resubmission.' })
  rejectionReason!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) submittedAt!: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true }) reviewerNote!: string | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When an approval runs out.' }) expiresAt!: Date | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime) updatedAt!: Date;
}
