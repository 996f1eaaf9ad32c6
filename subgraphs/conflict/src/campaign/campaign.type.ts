import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ConflictRule, ConflictSeverity } from '../conflict-rule/conflict-rule.type';

/** Stand-in for the campaign subgraph's `Campaign`: this subgraph adds `conflicts`. */
@ObjectType('Campaign')
@Directive('@key(fields: "id")')
export class CampaignReference {
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'A rule that a campaign breaks together with another campaign.' })
export class CampaignConflict {
  @Field(() => ConflictRule) rule!: ConflictRule;
  @Field(() => ConflictSeverity, { description: "The rule's severity." }) severity!: ConflictSeverity;
  @Field(() => CampaignReference) conflictingCampaign!: CampaignReference;
  @Field(() => String, { description: 'Why, in one sentence.' }) reason!: string;
}
