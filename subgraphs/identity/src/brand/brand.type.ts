import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stand-in for the brand subgraph's `Brand`: what a brand account acts for. */
@ObjectType('Brand')
@Directive('@key(fields: "id")')
export class BrandReference {
  @Field(() => ID) id!: string;
}
