import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The brand subgraph's `Brand`; this subgraph adds its KYC status. */
@ObjectType('Brand')
@Directive('@key(fields: "id")')
export class BrandReference {
  @Field(() => ID) id!: string;
}
