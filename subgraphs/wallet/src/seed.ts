import { demoIds } from '@gametriggers/prisma-tools';
import type { WalletConfig } from './config';
import type { Db } from './db';
import { depositFunds } from './transaction/deposit-funds';
import { holdFunds } from './transaction/hold-funds';
import { payEarnings } from './transaction/pay-earnings';

const { brands, streamers } = demoIds;
/** demoKycCaseIds.kiraplays of the kyc subgraph's seed. */
const DEMO_KYC_CASE_KIRA = '01930000-0000-7000-8000-0000000e0001';
const DEMO_PAYMENT_METHOD_KIRA = '01930000-0000-7000-8000-0000000f0001';
const daysAgo = (days: number) => {
  const date = new Date(Date.now() - days * 86_400_000);
  date.setUTCHours(12, 0, 0, 0);
  return date;
};
const money = (amount: string, currency: string) => ({ amount, currency });

/**
 * Demo money, moved through the same use-cases as the API with fixed idempotency keys:
 * a second run finds every key stored and moves nothing.
 */
export async function seedDemo(db: Db, config: WalletConfig): Promise<void> {
  const deps = { db, config };
  const deposits = [
    { brandId: brands.voltage, amount: money('50000.00', 'USD'), key: 'demo-seed:deposit:voltage' },
    { brandId: brands.pixelforge, amount: money('80000.00', 'EUR'), key: 'demo-seed:deposit:pixelforge' },
    { brandId: brands.nordwind, amount: money('30000.00', 'GBP'), key: 'demo-seed:deposit:nordwind' },
  ];
  for (const deposit of deposits) {
    await depositFunds(deps, {
      brandId: deposit.brandId,
      amount: deposit.amount,
      idempotencyKey: deposit.key,
      reference: `seed-${deposit.key.split(':').at(-1)}`,
    });
  }

  const holds = [
    {
      brandId: brands.voltage,
      amount: money('20000.00', 'USD'),
      key: 'demo-seed:hold:voltage',
      description: 'Budget of the summer and night campaigns',
    },
    {
      brandId: brands.pixelforge,
      amount: money('15000.00', 'EUR'),
      key: 'demo-seed:hold:pixelforge',
      description: 'Budget of the launch campaign',
    },
    {
      brandId: brands.nordwind,
      amount: money('5000.00', 'GBP'),
      key: 'demo-seed:hold:nordwind',
      description: 'Budget of the racing campaign',
    },
  ];
  for (const hold of holds) {
    await holdFunds(deps, { brandId: hold.brandId, amount: hold.amount, idempotencyKey: hold.key, description: hold.description });
  }

  const earnings = [
    {
      brandId: brands.voltage,
      streamerId: streamers.kiraplays,
      amount: money('1500.00', 'USD'),
      key: 'demo-seed:earnings:kira-voltage-summer',
      campaign: 'Voltage Summer',
    },
    {
      brandId: brands.voltage,
      streamerId: streamers.gridlock,
      amount: money('900.00', 'USD'),
      key: 'demo-seed:earnings:gridlock-voltage-summer',
      campaign: 'Voltage Summer',
    },
    {
      brandId: brands.pixelforge,
      streamerId: streamers.lunastreams,
      amount: money('1200.00', 'EUR'),
      key: 'demo-seed:earnings:luna-pixelforge',
      campaign: 'PixelForge Launch',
    },
    {
      brandId: brands.nordwind,
      streamerId: streamers.tactician,
      amount: money('600.00', 'GBP'),
      key: 'demo-seed:earnings:tactician-nordwind',
      campaign: 'Nordwind Racing',
    },
  ];
  for (const earning of earnings) {
    await payEarnings(deps, {
      brandId: earning.brandId,
      streamerId: earning.streamerId,
      amount: earning.amount,
      feeBasisPoints: 1000,
      idempotencyKey: earning.key,
      description: `Earnings: ${earning.campaign} campaign`,
    });
  }

  // The kyc subgraph's demo data approves Kira's case without an event (it is loaded, not decided):
  // the wallet's copy of that decision is loaded the same way, so Kira can withdraw in the demo.
  await db.kycDecision.upsert({
    where: { subjectType_subjectId: { subjectType: 'STREAMER', subjectId: streamers.kiraplays } },
    create: {
      subjectType: 'STREAMER',
      subjectId: streamers.kiraplays,
      caseId: DEMO_KYC_CASE_KIRA,
      status: 'APPROVED',
      decidedAt: daysAgo(57),
      expiresAt: new Date(daysAgo(57).getTime() + 365 * 86_400_000),
    },
    update: {},
  });
  await db.paymentMethod.upsert({
    where: { id: DEMO_PAYMENT_METHOD_KIRA },
    create: {
      id: DEMO_PAYMENT_METHOD_KIRA,
      ownerType: 'STREAMER',
      ownerId: streamers.kiraplays,
      kind: 'BANK',
      token: 'sandbox_ok_demo_kiraplays',
      masked: '•••• 4242',
      label: 'Checking account',
    },
    update: {},
  });
}
