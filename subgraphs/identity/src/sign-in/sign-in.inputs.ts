import { Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Email and password of an account of the kind the mutation signs in.' })
export class SignInInput {
  @Field(() => String, { description: 'Case does not matter. The same email may have a brand and a streamer account.' })
  @Length(1, 254)
  email!: string;

  @Field(() => String) @Length(1, 1024) password!: string;
}
