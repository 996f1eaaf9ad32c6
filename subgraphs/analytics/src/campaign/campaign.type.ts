import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stand-in for the campaign subgraph's `Campaign`: analytics adds `metrics` to it. */
@ObjectType('Campaign')
@Directive('@key(fields: "id")')
export class CampaignReference {
  @Field(() => ID) id!: string;
}
