import { AgeRange, Money } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, UseMiddleware } from 'type-graphql';
import { OwningBrandOrAdmin } from './brand-access';

@ObjectType({ description: 'A postal address.' })
export class PostalAddress {
  @Field(() => String) line1!: string;
  @Field(() => String, { nullable: true }) line2!: string | null;
  @Field(() => String) city!: string;
  @Field(() => String, { nullable: true }) region!: string | null;
  @Field(() => String) postalCode!: string;
  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' }) country!: string;
}

@ObjectType({ description: 'Who to talk to at the brand.' })
export class ContactPerson {
  @Field(() => String) name!: string;
  @Field(() => String) email!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
}

@ObjectType({ description: 'What invoices are addressed to.' })
export class BillingDetails {
  @Field(() => PostalAddress) address!: PostalAddress;
  @Field(() => String, { nullable: true, description: 'VAT / tax identification number.' }) taxId!: string | null;
}

@ObjectType({ description: 'The audience a brand wants to reach.' })
export class Demographics {
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes.' }) countries!: string[];
  @Field(() => [String], { description: 'ISO 639-1 codes.' }) languages!: string[];
  @Field(() => [AgeRange]) ageRanges!: AgeRange[];
}

@ObjectType({ description: 'Typical spend per campaign.' })
export class BudgetRange {
  @Field(() => Money) min!: Money;
  @Field(() => Money) max!: Money;
}

@ObjectType()
export class MarketingPreferences {
  @Field(() => Demographics) demographics!: Demographics;
  @Field(() => [String], { description: 'Content category slugs, e.g. "fps".' }) contentCategories!: string[];
  @Field(() => BudgetRange, { nullable: true }) budgetRange!: BudgetRange | null;
}

@ObjectType({
  description:
    "A company that funds sponsored campaigns. Its profile is public; contact, billing and marketing preferences are its own and admins' only.",
})
@Directive('@key(fields: "id")')
export class Brand {
  @Field(() => ID) id!: string;
  @Field(() => String) companyName!: string;
  @Field(() => String) industry!: string;
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => ContactPerson, { nullable: true, description: 'The brand itself and admins only.' })
  @UseMiddleware(OwningBrandOrAdmin)
  contact!: ContactPerson;

  @Field(() => BillingDetails, { nullable: true, description: 'The brand itself and admins only.' })
  @UseMiddleware(OwningBrandOrAdmin)
  billing!: BillingDetails;

  @Field(() => MarketingPreferences, { nullable: true, description: 'The brand itself and admins only.' })
  @UseMiddleware(OwningBrandOrAdmin)
  marketingPreferences!: MarketingPreferences;

  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime) updatedAt!: Date;
}
