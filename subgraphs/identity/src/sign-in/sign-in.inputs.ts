import { IsIP, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { AccountKind } from '../account/account.type';

@InputType()
export class SignInInput {
  @Field(() => AccountKind, { description: 'The same email may have a brand and a streamer account.' }) kind!: AccountKind;
  @Field(() => String) @Length(1, 254) email!: string;
  @Field(() => String) @Length(1, 1024) password!: string;
  @Field(() => String, { nullable: true, description: "The client's User-Agent, kept with the session." })
  @IsOptional()
  @MaxLength(512)
  userAgent?: string | null;

  @Field(() => String, { nullable: true, description: "The client's IP address as the edge saw it, kept with the session." })
  @IsOptional()
  @IsIP(undefined, { message: 'ipAddress must be an IPv4 or IPv6 address' })
  ipAddress?: string | null;
}
