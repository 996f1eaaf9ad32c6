import {
  NOBODY,
  PAYMENT_METHOD_KIRA,
  TOO_MUCH,
  adminOnly,
  brandOwner,
  brands,
  key,
  kira,
  owningBrandOrAdmin,
  owningStreamerOrAdmin,
  streamerOwner,
  streamers,
  voltage,
} from './authorization-matrix.model';
import type { MatrixRow } from './authorization-matrix.model';

/** The authorization matrix's rows for wallet (see authorization-matrix.table.ts). */
export const WALLET_ROWS: MatrixRow[] = [
  // wallet
  {
    name: 'Brand.wallet',
    subgraph: 'wallet',
    query: 'query($id: ID!) { brand(id: $id) { wallet { id balances { currency available { amount } } } } }',
    variables: () => voltage,
    path: 'brand.wallet',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'Streamer.wallet',
    subgraph: 'wallet',
    query: 'query($id: ID!) { streamer(id: $id) { wallet { id balances { currency available { amount } } } } }',
    variables: () => kira,
    path: 'streamer.wallet',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'wallet',
    subgraph: 'wallet',
    query: 'query($id: ID!) { wallet(id: $id) { id transactions { nodes { id } } } }',
    variables: (s) => ({ id: s.voltageWalletId }),
    path: 'wallet',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'walletTransaction',
    subgraph: 'wallet',
    query: 'query($id: ID!) { walletTransaction(id: $id) { id kind } }',
    variables: (s) => ({ id: s.voltageTransactionId }),
    path: 'walletTransaction',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'walletStatement',
    subgraph: 'wallet',
    query:
      'query($owner: LedgerOwnerInput!) { walletStatement(owner: $owner, from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z") { csv } }',
    variables: () => ({ owner: brandOwner }),
    path: 'walletStatement',
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'paymentMethods',
    subgraph: 'wallet',
    query: 'query($owner: LedgerOwnerInput!) { paymentMethods(owner: $owner) { masked label } }',
    variables: () => ({ owner: streamerOwner }),
    path: 'paymentMethods',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'withdrawals',
    subgraph: 'wallet',
    query: 'query($id: ID!) { withdrawals(streamerId: $id) { nodes { id } } }',
    variables: () => kira,
    path: 'withdrawals',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'largeTransactions',
    subgraph: 'wallet',
    query: '{ largeTransactions { nodes { id } } }',
    path: 'largeTransactions',
    expect: adminOnly(),
  },
  {
    name: 'pendingWithdrawals',
    subgraph: 'wallet',
    query: '{ pendingWithdrawals { nodes { id } } }',
    path: 'pendingWithdrawals',
    expect: adminOnly(),
  },
  {
    name: 'walletReconciliation',
    subgraph: 'wallet',
    query: '{ walletReconciliation { ok } }',
    path: 'walletReconciliation',
    expect: adminOnly(),
  },
  {
    name: 'addPaymentMethod',
    subgraph: 'wallet',
    query:
      'mutation($owner: LedgerOwnerInput!) { addPaymentMethod(input: { owner: $owner, kind: BANK, details: "DE89370400440532013042", label: "matrix" }) { id } }',
    variables: () => ({ owner: streamerOwner }),
    path: 'addPaymentMethod',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'removePaymentMethod',
    subgraph: 'wallet',
    query: 'mutation($id: ID!) { removePaymentMethod(id: $id) { id } }',
    // The allowed roles each remove a method of their own; the others aim at the demo method, which stays.
    variables: (s, role) => ({
      id: role === 'admin' ? s.paymentMethodForAdmin : role === 'owningStreamer' ? s.paymentMethodForOwner : PAYMENT_METHOD_KIRA,
    }),
    path: 'removePaymentMethod',
    expect: owningStreamerOrAdmin(),
  },
  {
    name: 'depositFunds',
    subgraph: 'wallet',
    query:
      'mutation($brandId: ID!, $key: String!) { depositFunds(input: { brandId: $brandId, amount: { amount: "1.00", currency: "USD" }, idempotencyKey: $key, reference: "matrix" }) { id } }',
    variables: (_s, role) => ({ brandId: brands.voltage, key: key(role, 'deposit') }),
    path: 'depositFunds',
    expect: adminOnly(),
  },
  {
    name: 'transferFunds',
    subgraph: 'wallet',
    query:
      'mutation($from: LedgerOwnerInput!, $to: LedgerOwnerInput!, $amount: MoneyInput!, $key: String!) { transferFunds(input: { from: $from, to: $to, amount: $amount, idempotencyKey: $key }) { id } }',
    variables: (_s, role) => ({ from: brandOwner, to: streamerOwner, amount: TOO_MUCH, key: key(role, 'transfer') }),
    path: 'transferFunds',
    probe: true,
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'holdFunds',
    subgraph: 'wallet',
    query:
      'mutation($brandId: ID!, $amount: MoneyInput!, $key: String!) { holdFunds(input: { brandId: $brandId, amount: $amount, idempotencyKey: $key }) { id } }',
    variables: (_s, role) => ({ brandId: brands.voltage, amount: TOO_MUCH, key: key(role, 'hold') }),
    path: 'holdFunds',
    probe: true,
    expect: owningBrandOrAdmin(),
  },
  ...(['releaseHold', 'captureHold'] as const).map((mutation): MatrixRow => ({
    name: mutation,
    subgraph: 'wallet',
    query: `mutation($brandId: ID!, $amount: MoneyInput!, $key: String!) { ${mutation}(input: { brandId: $brandId, amount: $amount, idempotencyKey: $key }) { id } }`,
    variables: (_s, role) => ({ brandId: brands.voltage, amount: TOO_MUCH, key: key(role, mutation) }),
    path: mutation,
    probe: true,
    expect: adminOnly(),
  })),
  {
    name: 'creditEarnings',
    subgraph: 'wallet',
    query: `mutation($brandId: ID!, $streamerId: ID!, $amount: MoneyInput!, $key: String!) { creditEarnings(input: { brandId: $brandId, streamerId: $streamerId,
      amount: $amount, feeBasisPoints: 1000, idempotencyKey: $key, description: "matrix" }) { id } }`,
    variables: (_s, role) => ({ brandId: brands.voltage, streamerId: streamers.kiraplays, amount: TOO_MUCH, key: key(role, 'credit') }),
    path: 'creditEarnings',
    probe: true,
    expect: adminOnly(),
  },
  {
    name: 'chargePlatformFee',
    subgraph: 'wallet',
    query:
      'mutation($owner: LedgerOwnerInput!, $amount: MoneyInput!, $key: String!) { chargePlatformFee(input: { owner: $owner, amount: $amount, idempotencyKey: $key, description: "matrix" }) { id } }',
    variables: (_s, role) => ({ owner: brandOwner, amount: TOO_MUCH, key: key(role, 'fee') }),
    path: 'chargePlatformFee',
    probe: true,
    expect: adminOnly(),
  },
  {
    name: 'convertCurrency',
    subgraph: 'wallet',
    query:
      'mutation($owner: LedgerOwnerInput!, $amount: MoneyInput!, $key: String!) { convertCurrency(input: { owner: $owner, amount: $amount, toCurrency: "EUR", idempotencyKey: $key }) { id } }',
    variables: (_s, role) => ({ owner: brandOwner, amount: TOO_MUCH, key: key(role, 'convert') }),
    path: 'convertCurrency',
    probe: true,
    expect: owningBrandOrAdmin(),
  },
  {
    name: 'reverseTransaction',
    subgraph: 'wallet',
    query:
      'mutation($key: String!) { reverseTransaction(input: { transactionId: "' +
      NOBODY +
      '", reason: "matrix", idempotencyKey: $key }) { id } }',
    variables: (_s, role) => ({ key: key(role, 'reverse') }),
    path: 'reverseTransaction',
    probe: true,
    expect: adminOnly(),
  },
  {
    name: 'requestWithdrawal',
    subgraph: 'wallet',
    query:
      'mutation($streamerId: ID!, $method: ID!, $amount: MoneyInput!, $key: String!) { requestWithdrawal(input: { streamerId: $streamerId, paymentMethodId: $method, amount: $amount, idempotencyKey: $key }) { id } }',
    variables: (_s, role) => ({
      streamerId: streamers.kiraplays,
      method: PAYMENT_METHOD_KIRA,
      amount: TOO_MUCH,
      key: key(role, 'withdraw'),
    }),
    path: 'requestWithdrawal',
    probe: true,
    expect: owningStreamerOrAdmin(),
  },
  ...(['approveWithdrawal', 'rejectWithdrawal'] as const).map((mutation): MatrixRow => ({
    name: mutation,
    subgraph: 'wallet',
    query: `mutation($id: ID!) { ${mutation}(input: { withdrawalId: $id, note: "matrix" }) { id } }`,
    variables: () => ({ id: NOBODY }),
    path: mutation,
    probe: true,
    expect: adminOnly(),
  })),
];
