import { registerEnumType } from 'type-graphql';
import { LedgerAccountKind, LedgerOwnerType, LedgerTransactionKind } from '../generated/prisma/enums';

// The database enums are the GraphQL enums: one list of values, no mapping to drift.
registerEnumType(LedgerOwnerType, { name: 'LedgerOwnerType', description: 'Who owns a wallet: a brand, a streamer or the platform.' });
registerEnumType(LedgerAccountKind, {
  name: 'LedgerAccountKind',
  description: 'What an account of a wallet holds.',
  valuesConfig: {
    AVAILABLE: { description: 'Spendable money.' },
    HELD: { description: "A brand's money reserved for campaigns." },
    PLATFORM_FEES: { description: "The platform's revenue." },
    PROVIDER_CLEARING: { description: 'What the payment provider owes us; negative after deposits.' },
    PAYOUTS_IN_TRANSIT: { description: "Withdrawals on their way to a streamer's bank." },
  },
});
registerEnumType(LedgerTransactionKind, { name: 'LedgerTransactionKind', description: 'Why money moved.' });

export { LedgerAccountKind, LedgerOwnerType, LedgerTransactionKind };
