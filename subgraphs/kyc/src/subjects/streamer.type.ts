import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The streamer subgraph's `Streamer`; this subgraph adds its KYC fields. */
@ObjectType('Streamer')
@Directive('@key(fields: "id")')
export class StreamerReference {
  @Field(() => ID) id!: string;
}
