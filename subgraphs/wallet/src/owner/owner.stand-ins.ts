import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The brand subgraph's `Brand`, extended here with its wallet. */
@ObjectType('Brand')
@Directive('@key(fields: "id")')
export class BrandReference {
  @Field(() => ID) id!: string;
}

/** The streamer subgraph's `Streamer`, extended here with its wallet. */
@ObjectType('Streamer')
@Directive('@key(fields: "id")')
export class StreamerReference {
  @Field(() => ID) id!: string;
}
