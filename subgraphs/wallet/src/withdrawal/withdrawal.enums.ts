import { registerEnumType } from 'type-graphql';
import { PaymentMethodKind, WithdrawalStatus } from '../generated/prisma/enums';

registerEnumType(PaymentMethodKind, { name: 'PaymentMethodKind', description: 'Where money is paid from or out to.' });
registerEnumType(WithdrawalStatus, {
  name: 'WithdrawalStatus',
  description:
    'REQUESTED -> PENDING_APPROVAL (above the threshold) -> APPROVED -> PROCESSING -> PAID or FAILED; PENDING_APPROVAL -> REJECTED.',
  valuesConfig: {
    REQUESTED: { description: 'Just asked for; the money is held.' },
    PENDING_APPROVAL: { description: 'Above the approval threshold: waits for an admin other than the requester.' },
    APPROVED: { description: 'Approved (by an admin, or automatically below the threshold): the payout is being submitted.' },
    REJECTED: { description: 'Refused by an admin; the money is back in the available balance.' },
    PROCESSING: { description: 'Submitted to the payout provider; the money is in transit.' },
    PAID: { description: 'The provider paid it out.' },
    FAILED: { description: 'The provider could not pay it; the money is back in the available balance.' },
  },
});

export { PaymentMethodKind, WithdrawalStatus };
