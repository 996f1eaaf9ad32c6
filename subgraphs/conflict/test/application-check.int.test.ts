import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignChanged, ParticipationApplied } from '@gametriggers/events';
import type { ConsumerOptions, EventContract, EventData, EventEnvelope } from '@gametriggers/events';
import { silentLogger, startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { conflictSubgraph } from '../src/index';
import { CREATE_RULE, id, ruleInput } from './factories';

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
  const rule = await subgraph.query(CREATE_RULE, {
    input: ruleInput({ name: 'No double-booking', conditions: { minimumOverlapMinutes: 60 } }),
  });
  if (rule.errors) throw new Error(JSON.stringify(rule.errors));
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await subgraph?.stop();
});

function envelope<T extends EventContract>(contract: T, subject: string, data: EventData<T>): EventEnvelope {
  const eventId = id();
  return {
    specversion: '1.0',
    id: eventId,
    source: '/subgraphs/campaign',
    type: contract.type,
    dataversion: contract.version,
    subject,
    time: new Date().toISOString(),
    correlationid: eventId,
    datacontenttype: 'application/json',
    data,
  };
}

async function campaign(streamerIds: string[], startsAt = '2027-06-01T00:00:00.000Z', endsAt = '2027-07-01T00:00:00.000Z') {
  const facts = {
    campaignId: id(),
    brandId: id(),
    status: 'ACTIVE',
    startsAt,
    endsAt,
    categories: ['fps'],
    platforms: ['TWITCH' as const],
    streamerIds,
    revision: 1,
  };
  await consumer.handle(envelope(CampaignChanged, facts.campaignId, facts));
  return facts;
}

async function checkOf(participationId: string) {
  const { rows } = await sql.query(
    `SELECT "subject", "envelope"->'data' AS "data" FROM "OutboxEvent" WHERE "type" = 'conflict.participation.checked' AND "envelope"->'data'->>'participationId' = $1`,
    [participationId],
  );
  return rows as { subject: string; data: Record<string, unknown> }[];
}

describe('campaign.participation.applied', () => {
  it("answers with the engine's decision on the streamer's participation, every violation explained, once", async () => {
    const streamer = id();
    const booked = await campaign([streamer]);
    const overlapping = await campaign([], '2027-06-20T00:00:00.000Z', '2027-08-01T00:00:00.000Z');
    const later = await campaign([], '2027-09-01T00:00:00.000Z', '2027-10-01T00:00:00.000Z');
    const apply = (facts: { campaignId: string; brandId: string }) => {
      const data = { participationId: id(), campaignId: facts.campaignId, streamerId: streamer, brandId: facts.brandId };
      return envelope(ParticipationApplied, facts.campaignId, data);
    };
    const blocked = apply(overlapping);
    await consumer.handle(blocked);
    await consumer.handle(blocked); // redelivered: answered once
    const answer = await checkOf((blocked.data as { participationId: string }).participationId);
    expect(answer).toHaveLength(1);
    expect(answer[0]).toEqual({
      subject: overlapping.campaignId,
      data: {
        participationId: (blocked.data as { participationId: string }).participationId,
        campaignId: overlapping.campaignId,
        streamerId: streamer,
        decision: 'BLOCK',
        decidingRule: 'No double-booking',
        violations: [
          {
            rule: 'No double-booking',
            severity: 'BLOCK',
            explanation: expect.stringContaining(streamer),
            otherCampaignId: booked.campaignId,
          },
        ],
      },
    });
    const allowed = apply(later);
    await consumer.handle(allowed);
    expect((await checkOf((allowed.data as { participationId: string }).participationId))[0]!.data).toMatchObject({
      decision: 'ALLOW',
      decidingRule: null,
      violations: [],
    });
  });

  it('fails (to be retried) while it has no facts of the campaign', async () => {
    const event = envelope(ParticipationApplied, id(), { participationId: id(), campaignId: id(), streamerId: id(), brandId: id() });
    await expect(consumer.handle(event)).rejects.toThrow(/no facts to check the application/);
  });
});
