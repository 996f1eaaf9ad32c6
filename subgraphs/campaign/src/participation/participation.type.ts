import { Connection, Money } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ParticipationStatus } from '../generated/prisma/enums';
import { StreamerReference } from '../streamer/streamer.type';

export { ParticipationStatus };

registerEnumType(ParticipationStatus, {
  name: 'ParticipationStatus',
  description: "Where a streamer's application to a campaign stands.",
  valuesConfig: {
    APPLIED: { description: 'Waiting for the brand to decide.' },
    ACCEPTED: { description: 'Taking part.' },
    REJECTED: { description: 'Turned down (final).' },
    WITHDRAWN: { description: 'The streamer stepped back (final).' },
    COMPLETED: { description: 'Took part to the end (final).' },
  },
});

@ObjectType({ description: "A streamer's application to, and part in, a campaign." })
@Directive('@key(fields: "id")')
export class Participation {
  @Field(() => ID) id!: string;
  /** Resolved by `Participation.campaign`; not a field of its own. */
  campaignId!: string;
  @Field(() => StreamerReference) streamer!: StreamerReference;
  @Field(() => ParticipationStatus) status!: ParticipationStatus;
  @Field(() => Money, { description: 'Earned so far, in the campaign currency.' }) earnings!: Money;
  @Field(() => GraphQLDateTime) appliedAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the brand accepted or rejected the application.' })
  decidedAt!: Date | null;
  @Field(() => ParticipationCheck, { nullable: true, description: 'Null until the conflict engine has checked the application.' })
  check!: ParticipationCheck | null;
}

@ObjectType({ description: "The conflict engine's check of an application, before anyone may accept it." })
export class ParticipationCheck {
  @Field(() => String, { description: 'ALLOW, WARN (the brand decides, warned) or BLOCK (rejected).' }) decision!: string;
  @Field(() => [String], { description: 'Each violation: severity, rule and explanation.' }) notes!: string[];
  @Field(() => GraphQLDateTime) checkedAt!: Date;
}

@ObjectType()
export class ParticipationConnection extends Connection(Participation) {}
