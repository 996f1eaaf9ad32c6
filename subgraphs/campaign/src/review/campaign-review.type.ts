import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "The conflict engine's verdict on the campaign's last submission." })
export class CampaignReview {
  @Field(() => String, { description: 'ALLOW (approved automatically), WARN (an admin reviews it) or BLOCK (rejected).' })
  decision!: string;
  @Field(() => [String], { description: 'Each violation: severity, rule and explanation.' }) notes!: string[];
  @Field(() => GraphQLDateTime) reviewedAt!: Date;
}
