import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The brand subgraph's `Brand`: what invoices are billed to; extended here with its invoices. */
@ObjectType('Brand')
@Directive('@key(fields: "id")')
export class BrandReference {
  @Field(() => ID) id!: string;
}

/** The campaign subgraph's `Campaign`: what an invoice line may bill for. */
@ObjectType('Campaign')
@Directive('@key(fields: "id")')
export class CampaignReference {
  @Field(() => ID) id!: string;
}
