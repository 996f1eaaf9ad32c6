import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BrandProfileChanged,
  CampaignChanged,
  ParticipationApplied,
  PermanentEventError,
  StreamerProfileChanged,
} from '@gametriggers/events';
import type { ConsumerOptions, EventData, EventEnvelope } from '@gametriggers/events';
import { silentLogger, startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { conflictSubgraph } from '../src/index';
import { CONFLICTS, CREATE_RULE, FACTS_FIELDS, RECORD_FACTS, factsInput, id, ruleInput } from './factories';

const READ_FACTS = `query($campaignId: ID!) { campaignFacts(campaignId: $campaignId) { ${FACTS_FIELDS} } }`;

type Facts = EventData<typeof CampaignChanged>;

let subgraph: TestSubgraph;
let db: Db;
let sql: pg.Client;
let consumer: ConsumerOptions;
beforeAll(async () => {
  subgraph = await startTestSubgraph(conflictSubgraph, { viewer: testAdmin });
  db = createDb(subgraph.databaseUrl);
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
  // The consumer exactly as the runtime builds it; its handle() is what the event bus calls.
  consumer = conflictSubgraph.createEventConsumer!(db, { logger: silentLogger });
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await subgraph?.stop();
});

/** Facts of a campaign as the campaign subgraph would send them (revision 1, one streamer, June 2027). */
function facts(overrides: Partial<Facts> = {}): Facts {
  return {
    campaignId: id(),
    brandId: id(),
    status: 'ACTIVE',
    startsAt: '2027-06-01T00:00:00.000Z',
    endsAt: '2027-07-01T00:00:00.000Z',
    categories: ['fps'],
    platforms: ['TWITCH'],
    streamerIds: [id()],
    revision: 1,
    ...overrides,
  };
}

/** A CampaignChanged envelope carrying `data` (a fresh event id unless given). */
function envelope(data: unknown, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  const eventId = id();
  return {
    specversion: '1.0',
    id: eventId,
    source: '/subgraphs/campaign',
    type: CampaignChanged.type,
    dataversion: CampaignChanged.version,
    subject: (data as { campaignId?: string }).campaignId ?? 'unknown',
    time: new Date().toISOString(),
    correlationid: eventId,
    datacontenttype: 'application/json',
    data,
    ...overrides,
  };
}

async function readFacts(campaignId: string) {
  const result = await subgraph.query(READ_FACTS, { campaignId });
  return result.data?.['campaignFacts'] ?? null;
}

/** What campaignFacts answers for `data` once taken. */
const expected = (data: Facts) => ({
  campaignId: data.campaignId,
  brandId: data.brandId,
  categories: data.categories,
  platforms: data.platforms,
  startsAt: data.startsAt,
  endsAt: data.endsAt,
  streamerIds: data.streamerIds,
  updatedAt: expect.any(String),
});

async function inboxed(eventId: string): Promise<number> {
  const { rows } = await sql.query<{ count: number }>('SELECT count(*)::int AS "count" FROM "InboxEvent" WHERE "eventId" = $1', [eventId]);
  return rows[0]!.count;
}

async function storedRevision(campaignId: string): Promise<number | undefined> {
  const { rows } = await sql.query<{ revision: number }>('SELECT "revision" FROM "CampaignFacts" WHERE "campaignId" = $1', [campaignId]);
  return rows[0]?.revision;
}

describe('the CampaignChanged consumer', () => {
  it('binds the conflict queue to CampaignChanged, applications (application-check.int.test.ts) and profiles (profile-facts.int.test.ts)', () => {
    expect(consumer.consumer).toBe('conflict');
    expect(consumer.contracts).toEqual([CampaignChanged, ParticipationApplied, StreamerProfileChanged, BrandProfileChanged]);
  });

  it("records a campaign's facts from its event, normalised, and once in the inbox", async () => {
    const streamer = id();
    const data = facts({
      categories: ['fps', 'racing', 'fps'],
      platforms: ['KICK', 'TWITCH', 'KICK'],
      streamerIds: [streamer, streamer.toUpperCase()],
    });
    const event = envelope(data);
    await consumer.handle(event);
    expect(await readFacts(data.campaignId)).toEqual({
      ...expected(data),
      categories: ['fps', 'racing'],
      platforms: ['KICK', 'TWITCH'],
      streamerIds: [streamer],
    });
    expect(await storedRevision(data.campaignId)).toBe(1);
    expect(await inboxed(event.id)).toBe(1);
  });

  it('handles a redelivered event once, whatever it carries the second time', async () => {
    const first = facts({ revision: 2 });
    const event = envelope(first);
    await consumer.handle(event);
    // Same id: the inbox has it, so even a (corrupted) newer revision under that id changes nothing.
    await consumer.handle({ ...event, data: { ...first, endsAt: '2027-09-01T00:00:00.000Z', revision: 9 } });
    await consumer.handle(event);
    expect(await readFacts(first.campaignId)).toEqual(expected(first));
    expect(await storedRevision(first.campaignId)).toBe(2);
    expect(await inboxed(event.id)).toBe(1);

    const next = { ...first, streamerIds: [], revision: 3 };
    await consumer.handle(envelope(next));
    expect(await readFacts(first.campaignId)).toEqual(expected(next));
  });

  it('ignores events older than, or as old as, the facts it holds', async () => {
    const latest = facts({ revision: 5, status: 'PAUSED' });
    await consumer.handle(envelope(latest));
    for (const stale of [
      { ...latest, revision: 4, endsAt: '2027-08-01T00:00:00.000Z' },
      { ...latest, revision: 1, streamerIds: [] },
      { ...latest, revision: 5, categories: ['racing'] },
    ]) {
      const event = envelope(stale);
      await consumer.handle(event);
      expect(await inboxed(event.id)).toBe(1); // handled (acknowledged), with no effect
    }
    expect(await readFacts(latest.campaignId)).toEqual(expected(latest));
    expect(await storedRevision(latest.campaignId)).toBe(5);

    const newer = { ...latest, revision: 7, platforms: ['YOUTUBE' as const] };
    await consumer.handle(envelope(newer));
    expect(await readFacts(latest.campaignId)).toEqual(expected(newer));
    expect(await storedRevision(latest.campaignId)).toBe(7);
  });

  it('refuses payloads that break the contract with a PermanentEventError, and records nothing', async () => {
    const good = facts();
    const broken: [string, EventEnvelope][] = [
      ['a missing field', envelope({ ...good, streamerIds: undefined })],
      ['a campaign id that is no uuid', envelope({ ...good, campaignId: 'summer' })],
      ['a negative revision', envelope({ ...good, revision: -1 })],
      ['an unknown platform', envelope({ ...good, platforms: ['MYSPACE'] })],
      ['a date that is no date', envelope({ ...good, startsAt: 'June' })],
      ['a window that ends before it starts', envelope({ ...good, endsAt: '2027-05-01T00:00:00.000Z' })],
      ['another version of the contract', envelope(good, { dataversion: 2 })],
      ['a type it does not consume', envelope(good, { type: 'campaign.campaign.deleted' })],
    ];
    for (const [what, event] of broken) {
      await expect(consumer.handle(event), what).rejects.toBeInstanceOf(PermanentEventError);
      expect(await inboxed(event.id), what).toBe(0);
    }
    expect(await readFacts(good.campaignId)).toBeNull();
  });

  it('shows Campaign.conflicts for campaigns known only from events, and follows their changes', async () => {
    const rule = await subgraph.query(CREATE_RULE, {
      input: ruleInput({ type: 'TIME_OVERLAP', conditions: { minimumOverlapMinutes: 60 } }),
    });
    expect(rule.errors).toBeUndefined();
    const ruleId = rule.data!['createConflictRule'].id as string;
    const shared = id();
    const summer = facts({ streamerIds: [shared, id()] });
    const launch = facts({ startsAt: '2027-06-20T00:00:00.000Z', endsAt: '2027-08-01T00:00:00.000Z', streamerIds: [shared] });
    await consumer.handle(envelope(summer));
    await consumer.handle(envelope(launch));

    const conflictsOf = async (...campaignIds: string[]) => {
      const result = await subgraph.query(CONFLICTS, {
        representations: campaignIds.map((campaignId) => ({ __typename: 'Campaign', id: campaignId })),
      });
      expect(result.errors).toBeUndefined();
      return result.data!['_entities'].map((campaign: { conflicts: unknown[] }) => campaign.conflicts);
    };
    expect(await conflictsOf(summer.campaignId, launch.campaignId)).toEqual([
      [
        {
          severity: 'BLOCK',
          reason: `Both campaigns book streamer ${shared} from 2027-06-20 00:00 UTC to 2027-07-01 00:00 UTC (11 days of overlap).`,
          conflictingCampaign: { id: launch.campaignId },
          rule: expect.objectContaining({ id: ruleId, type: 'TIME_OVERLAP' }),
        },
      ],
      [expect.objectContaining({ conflictingCampaign: { id: summer.campaignId }, rule: expect.objectContaining({ id: ruleId }) })],
    ]);

    // The shared streamer withdraws from the launch: its next revision frees them, the conflict goes...
    await consumer.handle(envelope({ ...launch, streamerIds: [], revision: 2 }));
    expect(await conflictsOf(summer.campaignId, launch.campaignId)).toEqual([[], []]);
    // ...and a late copy of the old revision does not bring it back.
    await consumer.handle(envelope(launch));
    expect(await conflictsOf(summer.campaignId, launch.campaignId)).toEqual([[], []]);
  });

  it('lets recordCampaignFacts correct the facts until the next change of the campaign replaces them', async () => {
    const data = facts({ revision: 3 });
    await consumer.handle(envelope(data));
    const corrected = factsInput({ campaignId: data.campaignId, brandId: data.brandId, streamerIds: [], categories: ['racing'] });
    const recorded = await subgraph.query(RECORD_FACTS, { input: corrected });
    expect(recorded.errors).toBeUndefined();
    expect(await storedRevision(data.campaignId)).toBe(3); // a correction keeps the revision it corrects

    await consumer.handle(envelope(data)); // a replay of what was corrected: ignored
    expect(await readFacts(data.campaignId)).toMatchObject({ streamerIds: [], categories: ['racing'] });

    const next = { ...data, revision: 4, categories: ['fps', 'strategy'] };
    await consumer.handle(envelope(next));
    expect(await readFacts(data.campaignId)).toEqual(expected(next));
  });

  it('lets the first event replace facts recorded by hand before any event arrived', async () => {
    const backfilled = factsInput();
    expect((await subgraph.query(RECORD_FACTS, { input: backfilled })).errors).toBeUndefined();
    expect(await storedRevision(backfilled.campaignId)).toBe(0);
    const data = facts({ campaignId: backfilled.campaignId, brandId: backfilled.brandId, revision: 1, streamerIds: [] });
    await consumer.handle(envelope(data));
    expect(await readFacts(data.campaignId)).toEqual(expected(data));
  });

  it('keeps the status from events: only APPROVED, SCHEDULED, ACTIVE and PAUSED campaigns compete', async () => {
    const rule = await subgraph.query(CREATE_RULE, { input: ruleInput({ type: 'TIME_OVERLAP', conditions: null }) });
    expect(rule.errors).toBeUndefined();
    const shared = id();
    const submitted = facts({ status: 'SUBMITTED', streamerIds: [shared] });
    const running = facts({ status: 'ACTIVE', streamerIds: [shared] });
    await consumer.handle(envelope(submitted));
    await consumer.handle(envelope(running));
    // Rules of earlier tests still apply: compare the campaigns involved, not the number of violations.
    const evaluate = async (campaignId: string) => {
      const query = `query($id: ID!) { evaluateConflicts(campaignId: $id) { decision violations { otherCampaign { id } } } }`;
      const { decision, violations } = (await subgraph.query(query, { id: campaignId })).data!['evaluateConflicts'];
      const others = [...new Set(violations.map((violation: any) => violation.otherCampaign.id as string))];
      return { decision, violations: others.map((other) => ({ otherCampaign: { id: other } })) };
    };

    // A submitted campaign is evaluated against the running one (before its approval); it does not compete itself.
    expect(await evaluate(submitted.campaignId)).toEqual({
      decision: 'BLOCK',
      violations: [{ otherCampaign: { id: running.campaignId } }],
    });
    expect(await evaluate(running.campaignId)).toEqual({ decision: 'ALLOW', violations: [] });
    // Approved: it competes. The running campaign completes: it no longer does.
    await consumer.handle(envelope({ ...submitted, status: 'APPROVED', revision: 2 }));
    expect((await evaluate(running.campaignId)).decision).toBe('BLOCK');
    await consumer.handle(envelope({ ...running, status: 'COMPLETED', revision: 2 }));
    expect(await evaluate(submitted.campaignId)).toEqual({ decision: 'ALLOW', violations: [] });
    expect(await readFacts(running.campaignId)).toMatchObject({ campaignId: running.campaignId });
    await subgraph.query(`mutation($id: ID!) { setConflictRuleEnabled(id: $id, enabled: false) { id } }`, {
      id: rule.data!['createConflictRule'].id,
    });
  });
});
