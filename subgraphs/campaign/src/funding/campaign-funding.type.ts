import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CampaignFunding as CampaignFundingStatus } from '../generated/prisma/enums';

export { CampaignFundingStatus };

registerEnumType(CampaignFundingStatus, {
  name: 'CampaignFundingStatus',
  description: "Where the campaign's budget stands in its brand's wallet.",
  valuesConfig: {
    NONE: { description: 'Never submitted (a draft), or funded before budget reservations existed.' },
    PENDING: { description: 'Submitted: the wallet is reserving the budget. Approval waits for it.' },
    RESERVED: { description: "The whole budget is held in the brand's wallet; earnings are paid out of it." },
    FAILED: { description: 'The wallet could not reserve it (see `error`); the campaign was rejected.' },
    RELEASED: { description: 'The campaign ended or left review: the unspent budget went back to the brand.' },
  },
});

@ObjectType({ description: "The campaign's budget reservation in its brand's wallet." })
export class CampaignFunding {
  @Field(() => CampaignFundingStatus) status!: CampaignFundingStatus;
  @Field(() => ID, { nullable: true, description: "The current submission's reservation id (the wallet's BudgetReservation)." })
  reservationId!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the wallet could not reserve the budget (FAILED).' })
  error!: string | null;
}
