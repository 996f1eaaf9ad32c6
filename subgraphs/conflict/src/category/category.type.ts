import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A node of the category hierarchy: a campaign in a category is also in each of its ancestors.' })
export class Category {
  @Field(() => String) slug!: string;
  @Field(() => String, { nullable: true, description: 'The parent category; null for a root.' }) parentSlug!: string | null;
  @Field(() => [String], { description: 'Parent first, root last.' }) ancestors!: string[];
}
