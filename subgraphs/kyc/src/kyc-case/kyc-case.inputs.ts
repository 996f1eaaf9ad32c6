import { COUNTRY_PATTERN, PageArgs } from '@gametriggers/federation';
import { IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { KycDocumentType, KycStatus, KycSubjectType } from './kyc-enums';

@InputType()
export class OpenKycCaseInput {
  @Field(() => KycSubjectType) subjectType!: KycSubjectType;
  @Field(() => ID, { description: 'The Streamer or Brand id.' }) @IsUUID('all', { message: 'subjectId must be a UUID' }) subjectId!: string;
  @Field(() => KycDocumentType) documentType!: KycDocumentType;
  @Field(() => String, { description: 'Issuing country, ISO 3166-1 alpha-2.' })
  @Matches(COUNTRY_PATTERN, { message: 'documentCountry must be an ISO 3166-1 alpha-2 code' })
  documentCountry!: string;
}

@ArgsType()
export class ApproveKycCaseArgs {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'Kept on the case and in its history.' })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@ArgsType()
export class RejectKycCaseArgs {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Shown to the subject, who may fix it and resubmit while attempts remain.' })
  @Length(3, 1000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

@ArgsType()
export class KycCasesArgs extends PageArgs {
  @Field(() => KycStatus, { nullable: true }) status?: KycStatus | null;
  @Field(() => KycSubjectType, { nullable: true }) subjectType?: KycSubjectType | null;
}
