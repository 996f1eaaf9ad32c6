import { PageArgs, UUID } from '@gametriggers/federation';
import { IsEmail, IsOptional, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { AccountKind, AccountStatus } from './account.type';

@InputType()
export class CreateAccountInput {
  @Field(() => AccountKind) kind!: AccountKind;

  @Field(() => String, { description: 'Stored lowercase; one account per email and kind.' })
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;

  @Field(() => String, {
    description: '12 to 128 characters, mixing at least two of lowercase, uppercase, digits and others, and not the email.',
  })
  password!: string;

  @Field(() => ID, { nullable: true, description: 'Required for BRAND accounts, and only for them.' })
  @IsOptional()
  @Matches(UUID, { message: 'brandId must be a UUID' })
  brandId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required for STREAMER accounts, and only for them.' })
  @IsOptional()
  @Matches(UUID, { message: 'streamerId must be a UUID' })
  streamerId?: string | null;
}

@ArgsType()
export class AccountsArgs extends PageArgs {
  @Field(() => AccountKind, { nullable: true }) kind?: AccountKind | null;
  @Field(() => AccountStatus, { nullable: true }) status?: AccountStatus | null;
}
