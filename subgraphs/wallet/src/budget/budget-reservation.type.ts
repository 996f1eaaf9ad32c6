import { Money } from '@gametriggers/federation';
import { GraphQLDateTime } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BudgetReservationStatus } from '../generated/prisma/enums';
import { BrandReference } from '../owner/owner.stand-ins';
import { LedgerTransaction } from '../transaction/ledger-transaction.type';

registerEnumType(BudgetReservationStatus, {
  name: 'BudgetReservationStatus',
  description: "Where a campaign's budget reservation stands in the brand's wallet.",
  valuesConfig: {
    RESERVED: { description: "The budget is held (the brand's AVAILABLE -> HELD); earnings are paid out of it." },
    FAILED: { description: 'The brand had less available than the budget (or another currency): nothing was held.' },
    RELEASED: { description: 'The campaign ended: the unspent part went back; what it still owes stays held until paid.' },
  },
});

/**
 * The campaign subgraph's `Campaign`, extended here with its budget reservations; the router brings
 * the campaign's brand (external: the campaign subgraph owns it), which decides who may read them.
 */
@ObjectType('Campaign')
@Directive('@key(fields: "id")')
export class CampaignReference {
  @Field(() => ID) id!: string;
  @Field(() => BrandReference) @Directive('@external') brand?: BrandReference;
}

@ObjectType({ description: "A campaign's budget held in its brand's wallet: one per submission of the campaign." })
export class BudgetReservation {
  @Field(() => ID, { description: "The campaign subgraph's reservation id (Campaign.funding.reservationId)." }) id!: string;
  @Field(() => BudgetReservationStatus) status!: BudgetReservationStatus;
  @Field(() => Money, { description: 'The budget asked for.' }) amount!: Money;
  @Field(() => Money, { description: 'Paid out of it to streamers so far (gross, before the platform fee).' }) paidOut!: Money;
  @Field(() => Money, { description: 'Given back to the brand when the campaign ended.' }) released!: Money;
  @Field(() => Money, { description: 'Still held for the campaign: amount - paidOut - released (0 when it FAILED).' }) remaining!: Money;
  @Field(() => String, { nullable: true, description: 'Why it FAILED.' }) failureReason!: string | null;
  @Field(() => LedgerTransaction, { nullable: true, description: 'The hold (null when it FAILED).' })
  holdTransaction!: LedgerTransaction | null;
  @Field(() => LedgerTransaction, { nullable: true, description: 'The release of the unspent part, once the campaign ended.' })
  releaseTransaction!: LedgerTransaction | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime) updatedAt!: Date;
}
