import { PageArgs } from '@gametriggers/federation';
import { IsUUID } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ParticipationStatus } from './participation.type';

@ArgsType()
export class ParticipationListArgs extends PageArgs {
  @Field(() => ParticipationStatus, { nullable: true, description: 'Only participations in this status.' })
  status?: ParticipationStatus | null;
}

@ArgsType()
export class ApplyToCampaignArgs {
  @Field(() => ID) @IsUUID('all', { message: 'campaignId must be a campaign id' }) campaignId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'streamerId must be a streamer id' }) streamerId!: string;
}
