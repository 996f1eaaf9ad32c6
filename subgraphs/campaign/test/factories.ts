import { BudgetReservationFailed, BudgetReserved, ParticipationChecked, StreamerProfileChanged, writeEvent } from '@gametriggers/events';
import type { EventData, EventEnvelope } from '@gametriggers/events';
import { silentLogger } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { createReviewConsumer } from '../src/review/review.consumer';

export const brandIds = {
  a: '01930000-0000-7000-8000-00000000aa01',
  b: '01930000-0000-7000-8000-00000000aa02',
  c: '01930000-0000-7000-8000-00000000aa03',
};

/** A fresh streamer id: random, so tests never collide on (campaign, streamer). */
export function streamerId(): string {
  return crypto.randomUUID();
}

/** A valid CreateCampaignInput; override any field. */
export function campaignInput(overrides: Record<string, unknown> = {}) {
  return {
    brandId: brandIds.a,
    name: 'Voltage Summer Clash',
    description: 'Cans on screen during FPS streams.',
    schedule: { startsAt: '2027-06-01T00:00:00.000Z', endsAt: '2027-08-31T00:00:00.000Z' },
    budget: { amount: '50000', currency: 'USD' },
    dailyCap: { amount: '2000.50', currency: 'USD' },
    perStreamerCap: { amount: '10000', currency: 'USD' },
    pricing: { model: 'CPM', rate: { amount: '12.5', currency: 'USD' } },
    targeting: {
      platforms: ['TWITCH', 'YOUTUBE'],
      categories: ['energy-drinks', 'fps'],
      countries: ['US', 'CA'],
      languages: ['en'],
      minAverageViewers: 500,
      maxAverageViewers: 50000,
      audienceAgeRanges: ['AGE_18_24', 'AGE_25_34'],
    },
    ...overrides,
  };
}

export const CAMPAIGN_FIELDS = `
  id name description status brand { id }
  schedule { startsAt endsAt }
  budget { amount amountMinor currency }
  dailyCap { amount amountMinor currency }
  perStreamerCap { amount amountMinor currency }
  pricing { model rate { amount amountMinor currency } }
  spent { amount amountMinor currency }
  targeting { platforms categories countries languages minAverageViewers maxAverageViewers audienceAgeRanges }
  createdAt updatedAt`;

export const PARTICIPATION_FIELDS = `id status streamer { id } earnings { amount currency } appliedAt decidedAt campaign { id status }`;

export const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`;
export const TRANSITION = `mutation($id: ID!, $to: CampaignStatus!) { transitionCampaign(id: $id, to: $to) { id status } }`;
export const APPLY = `mutation($campaignId: ID!, $streamerId: ID!) { applyToCampaign(campaignId: $campaignId, streamerId: $streamerId) { ${PARTICIPATION_FIELDS} } }`;

/** The legal path from DRAFT to each status, through the API. */
export const PATH_TO: Record<string, string[]> = {
  DRAFT: [],
  SUBMITTED: ['SUBMITTED'],
  IN_REVIEW: ['SUBMITTED', 'IN_REVIEW'],
  APPROVED: ['SUBMITTED', 'IN_REVIEW', 'APPROVED'],
  REJECTED: ['SUBMITTED', 'IN_REVIEW', 'REJECTED'],
  SCHEDULED: ['SUBMITTED', 'IN_REVIEW', 'APPROVED', 'SCHEDULED'],
  ACTIVE: ['SUBMITTED', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'ACTIVE'],
  PAUSED: ['SUBMITTED', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'ACTIVE', 'PAUSED'],
  COMPLETED: ['SUBMITTED', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'ACTIVE', 'COMPLETED'],
  CANCELLED: ['CANCELLED'],
};

/** Creates a campaign and walks it to `status` along legal transitions; returns its id. */
export async function campaignIn(subgraph: TestSubgraph, status: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await subgraph.query(CREATE_CAMPAIGN, { input: campaignInput(overrides) });
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const id = created.data!['createCampaign'].id as string;
  for (const to of PATH_TO[status]!) {
    if (to === 'APPROVED') await answerReservation(subgraph, id);
    const moved = await subgraph.query(TRANSITION, { id, to });
    if (moved.errors) throw new Error(`to ${to}: ${JSON.stringify(moved.errors)}`);
  }
  return id;
}

/** Events are written as another subgraph's outbox writes them, but only their envelope is kept. */
const noStore = { $executeRawUnsafe: async () => 1 };

/**
 * Builds an event (as another subgraph sends it) with a client of the campaign subgraph's database,
 * and hands it to the campaign's own event consumer (inbox, then the handler), as delivery would.
 */
async function deliverToCampaign(subgraph: TestSubgraph, build: (db: Db) => Promise<EventEnvelope>) {
  const db = createDb(subgraph.databaseUrl);
  try {
    return await createReviewConsumer(db, { logger: silentLogger }).handle(await build(db));
  } finally {
    await db.$disconnect();
  }
}

/**
 * Plays the wallet's answer to the campaign's pending budget reservation through the campaign's
 * own event consumer: reserved (default), or failed for want of money.
 */
export async function answerReservation(
  subgraph: TestSubgraph,
  campaignId: string,
  answer: 'RESERVED' | 'FAILED' = 'RESERVED',
  /** Default: the campaign's current reservation. */
  reservationId?: string,
) {
  return deliverToCampaign(subgraph, async (db) => {
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId } });
    const common = {
      reservationId: reservationId ?? campaign.fundingReservationId!,
      campaignId,
      brandId: campaign.brandId,
      currency: campaign.currency,
    };
    return answer === 'RESERVED'
      ? writeEvent(noStore, BudgetReserved, {
          subject: campaignId,
          data: { ...common, transactionId: crypto.randomUUID(), amount: '1.00' },
        })
      : writeEvent(noStore, BudgetReservationFailed, {
          subject: campaignId,
          data: {
            ...common,
            reason: 'INSUFFICIENT_FUNDS',
            required: '50000.00',
            available: '12.00',
            message: "The campaign's budget of 50000.00 USD could not be reserved: the brand has 12.00 USD available",
          },
        });
  });
}

/**
 * Plays the conflict engine's check of an application through the campaign's own event consumer
 * (ALLOW by default; BLOCK and WARN with one violation), as conflict.participation.checked brings it.
 */
export async function answerCheck(subgraph: TestSubgraph, participationId: string, decision: 'ALLOW' | 'WARN' | 'BLOCK' = 'ALLOW') {
  return deliverToCampaign(subgraph, async (db) => {
    const participation = await db.participation.findUniqueOrThrow({ where: { id: participationId } });
    const violations =
      decision === 'ALLOW'
        ? []
        : [
            {
              rule: 'Streamer double-booking',
              severity: decision,
              explanation: 'Both campaigns book the streamer from 2027-06-01 to 2027-06-15',
              otherCampaignId: crypto.randomUUID(),
            },
          ];
    return writeEvent(noStore, ParticipationChecked, {
      subject: participation.campaignId,
      data: {
        participationId,
        campaignId: participation.campaignId,
        streamerId: participation.streamerId,
        decision,
        decidingRule: decision === 'ALLOW' ? null : 'Streamer double-booking',
        violations,
      },
    });
  });
}

type Profile = Omit<EventData<typeof StreamerProfileChanged>, 'streamerId' | 'revision'>;

/** A profile that meets campaignInput()'s default targeting (US, English, 18–34, 6,800 viewers of FPS on Twitch). */
export const ELIGIBLE_PROFILE: Profile = {
  country: 'US',
  languages: ['en'],
  audienceAgeRanges: ['AGE_18_24'],
  platforms: [{ platform: 'TWITCH', averageViewers: 6_800, peakViewers: 12_000, categories: ['fps'] }],
};

/**
 * A streamer campaigns know (streamer.profile.changed through the campaign's own consumer, as the
 * streamer subgraph sends it when they sign up): a fresh id, eligible for campaignInput()'s
 * targeting unless the profile says otherwise.
 */
export async function knownStreamer(
  subgraph: TestSubgraph,
  profile: Partial<Profile> = {},
  id = streamerId(),
  revision = 1,
): Promise<string> {
  await deliverToCampaign(subgraph, () =>
    writeEvent(noStore, StreamerProfileChanged, { subject: id, data: { ...ELIGIBLE_PROFILE, ...profile, streamerId: id, revision } }),
  );
  return id;
}
