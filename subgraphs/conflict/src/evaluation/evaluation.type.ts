import { Platform } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { CampaignReference } from '../campaign/campaign.type';
import { ConflictRule, ConflictSeverity } from '../conflict-rule/conflict-rule.type';
import { StreamerReference } from '../streamer/streamer.type';

export enum ConflictDecision {
  ALLOW = 'ALLOW',
  WARN = 'WARN',
  BLOCK = 'BLOCK',
}
registerEnumType(ConflictDecision, {
  name: 'ConflictDecision',
  description: 'The outcome of an evaluation: the most restrictive severity among the violations.',
  valuesConfig: {
    ALLOW: { description: 'No enabled rule is broken.' },
    WARN: { description: 'Only WARN rules are broken: allowed, for an admin to look at.' },
    BLOCK: { description: 'At least one BLOCK rule is broken.' },
  },
});

@ObjectType({ description: 'A span of time, [startsAt, endsAt).' })
export class TimeWindow {
  @Field(() => GraphQLDateTime) startsAt!: Date;
  @Field(() => GraphQLDateTime, { description: 'Equal to startsAt for an instant.' }) endsAt!: Date;
}

@ObjectType({ description: 'One rule broken, with what made it apply.' })
export class ConflictViolation {
  @Field(() => ConflictRule) rule!: ConflictRule;
  @Field(() => ConflictSeverity, { description: "The rule's severity." }) severity!: ConflictSeverity;
  @Field(() => CampaignReference, { nullable: true, description: 'The other campaign, for a rule between two campaigns.' })
  otherCampaign!: CampaignReference | null;
  @Field(() => [CampaignReference], { description: 'Every other campaign involved (all those counted by a frequency cap).' })
  otherCampaigns!: CampaignReference[];
  @Field(() => [StreamerReference], { description: 'The streamers concerned: shared, capped or matched.' })
  streamers!: StreamerReference[];
  @Field(() => TimeWindow, { nullable: true, description: 'The overlap of both campaigns, or the period where a cap is exceeded.' })
  window!: TimeWindow | null;
  @Field(() => [String], { description: 'The competing categories found on each side (after inheritance).' }) categories!: string[];
  @Field(() => [Platform], { description: 'The platform of an exclusivity.' }) platforms!: Platform[];
  @Field(() => String, { description: 'Why, in words.' }) explanation!: string;
}

@ObjectType({ description: 'Every violation of the enabled conflict rules, and the decision they lead to.' })
export class ConflictEvaluation {
  @Field(() => CampaignReference) campaign!: CampaignReference;
  @Field(() => StreamerReference, { nullable: true, description: 'The streamer whose participation was evaluated, if one was.' })
  streamer!: StreamerReference | null;
  @Field(() => ConflictDecision) decision!: ConflictDecision;
  @Field(() => ConflictRule, { nullable: true, description: 'The rule that decided: the first BLOCK by priority, else the first WARN.' })
  decidedBy!: ConflictRule | null;
  @Field(() => ConflictViolation, { nullable: true, description: 'The violation that decided.' })
  decidingViolation!: ConflictViolation | null;
  @Field(() => [ConflictViolation], { description: 'By rule priority, then severity (BLOCK first), rule name, other campaign.' })
  violations!: ConflictViolation[];
}
