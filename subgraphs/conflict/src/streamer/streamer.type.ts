import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stand-in for the streamer subgraph's `Streamer`: this subgraph knows only its id. */
@ObjectType('Streamer')
@Directive('@key(fields: "id")')
export class StreamerReference {
  @Field(() => ID) id!: string;
}
