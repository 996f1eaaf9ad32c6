import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stand-in for the streamer subgraph's `Streamer`: what a streamer account acts for. */
@ObjectType('Streamer')
@Directive('@key(fields: "id")')
export class StreamerReference {
  @Field(() => ID) id!: string;
}
