import { demoIds } from '@gametriggers/prisma-tools';
import type { Db } from './db';
import type { KycDocumentType, KycStatus, KycSubjectType } from './generated/prisma/client';
import { approvalExpiry } from './kyc-case/kyc-rules';

/** Fixed ids of the demo cases (demoIds has none for KYC). */
export const demoKycCaseIds = {
  kiraplays: '01930000-0000-7000-8000-0000000e0001',
  gridlock: '01930000-0000-7000-8000-0000000e0002',
  lunastreams: '01930000-0000-7000-8000-0000000e0003',
  voltage: '01930000-0000-7000-8000-0000000e0004',
} as const;

const DAY = 24 * 60 * 60 * 1000;

interface DemoStep {
  to: KycStatus;
  daysAgo: number;
  note?: string;
}

interface DemoCase {
  id: string;
  subjectType: KycSubjectType;
  subjectId: string;
  documentType: KycDocumentType;
  documentCountry: string;
  /** The history after opening, oldest first and at distinct times; the case ends in the last step's status. */
  steps: DemoStep[];
  openedDaysAgo: number;
}

const cases: DemoCase[] = [
  {
    id: demoKycCaseIds.kiraplays,
    subjectType: 'STREAMER',
    subjectId: demoIds.streamers.kiraplays,
    documentType: 'PASSPORT',
    documentCountry: 'US',
    openedDaysAgo: 60,
    steps: [
      { to: 'PENDING', daysAgo: 59, note: 'Attempt 1 of 3' },
      { to: 'IN_REVIEW', daysAgo: 58 },
      { to: 'APPROVED', daysAgo: 57, note: 'Passport and selfie match' },
    ],
  },
  {
    id: demoKycCaseIds.gridlock,
    subjectType: 'STREAMER',
    subjectId: demoIds.streamers.gridlock,
    documentType: 'DRIVERS_LICENSE',
    documentCountry: 'CA',
    openedDaysAgo: 13,
    steps: [
      { to: 'PENDING', daysAgo: 12, note: 'Attempt 1 of 3' },
      { to: 'IN_REVIEW', daysAgo: 10.5 },
      { to: 'REJECTED', daysAgo: 10, note: 'The photo of the licence is blurred; please upload a sharper scan' },
      { to: 'PENDING', daysAgo: 3, note: 'Attempt 2 of 3' },
      { to: 'IN_REVIEW', daysAgo: 1 },
    ],
  },
  {
    id: demoKycCaseIds.lunastreams,
    subjectType: 'STREAMER',
    subjectId: demoIds.streamers.lunastreams,
    documentType: 'NATIONAL_ID',
    documentCountry: 'NL',
    openedDaysAgo: 2,
    steps: [{ to: 'PENDING', daysAgo: 1, note: 'Attempt 1 of 3' }],
  },
  {
    id: demoKycCaseIds.voltage,
    subjectType: 'BRAND',
    subjectId: demoIds.brands.voltage,
    documentType: 'BUSINESS_REGISTRATION',
    documentCountry: 'US',
    openedDaysAgo: 91,
    steps: [
      { to: 'PENDING', daysAgo: 90, note: 'Attempt 1 of 3' },
      { to: 'IN_REVIEW', daysAgo: 88 },
      { to: 'APPROVED', daysAgo: 87, note: 'Delaware certificate of incorporation verified' },
    ],
  },
];

/** The case columns that the history of `demo` leads to, dated back from `now`. */
function caseState(demo: DemoCase, now: number) {
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  let state = {
    status: 'NOT_STARTED' as KycStatus,
    attempts: 0,
    submittedAt: null as Date | null,
    reviewedAt: null as Date | null,
    reviewerNote: null as string | null,
    rejectionReason: null as string | null,
    expiresAt: null as Date | null,
  };
  for (const step of demo.steps) {
    const when = at(step.daysAgo);
    if (step.to === 'PENDING') {
      state = { ...state, attempts: state.attempts + 1, submittedAt: when, reviewedAt: null, reviewerNote: null, rejectionReason: null };
    }
    if (step.to === 'APPROVED') state = { ...state, reviewedAt: when, reviewerNote: step.note ?? null, expiresAt: approvalExpiry(when) };
    if (step.to === 'REJECTED') state = { ...state, reviewedAt: when, rejectionReason: step.note ?? null };
    state.status = step.to;
  }
  return state;
}

/** KYC cases of three demo streamers and one brand, with their histories; upserts, so a restart changes nothing. */
export async function seedDemo(db: Db): Promise<void> {
  const now = Date.now();
  for (const demo of cases) {
    const { steps, openedDaysAgo, ...identity } = demo;
    const openedAt = new Date(now - openedDaysAgo * DAY);
    const events: { fromStatus: KycStatus | null; toStatus: KycStatus; at: Date; note: string | null }[] = [
      { fromStatus: null, toStatus: 'NOT_STARTED', at: openedAt, note: 'Case opened' },
    ];
    for (const [index, step] of steps.entries()) {
      const fromStatus = index ? steps[index - 1]!.to : 'NOT_STARTED';
      events.push({ fromStatus, toStatus: step.to, at: new Date(now - step.daysAgo * DAY), note: step.note ?? null });
    }
    await db.kycCase.upsert({
      where: { id: demo.id },
      create: { ...identity, ...caseState(demo, now), createdAt: openedAt, events: { create: events } },
      update: {},
    });
  }
}
