import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { conflictSubgraph, createDb, evaluateCampaigns } from '../src/index';
import type { Db, Evaluation } from '../src/index';
import { CREATE_RULE, RECORD_FACTS, factsInput, id, ruleInput } from './factories';

/**
 * The engine evaluates against an in-memory copy of the other campaigns' facts, brought up to date
 * by the evaluation's own statement (src/engine/facts-replica.ts). Whatever writes the facts (the
 * graph, events, SQL by hand in another process), the very next evaluation must see every write
 * committed before it and nothing else, as a lookup in SQL does.
 */
const EVALUATE = `query($campaignId: ID!) { evaluateConflicts(campaignId: $campaignId) {
  decision violations { otherCampaigns { id } } } }`;

let subgraph: TestSubgraph;
let sql: pg.Client;
beforeAll(async () => {
  subgraph = await startTestSubgraph(conflictSubgraph, { viewer: testAdmin });
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
  const rule = await subgraph.query(CREATE_RULE, {
    input: ruleInput({ name: 'Double-booking', conditions: { minimumOverlapMinutes: null } }),
  });
  if (rule.errors) throw new Error(JSON.stringify(rule.errors));
});
afterAll(async () => {
  await sql?.end();
  await subgraph?.stop();
});

/** The other campaigns the subject conflicts with, through the graph. */
async function conflictsOf(campaignId: string): Promise<string[]> {
  const result = await subgraph.query(EVALUATE, { campaignId });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const violations = result.data!['evaluateConflicts'].violations as { otherCampaigns: { id: string }[] }[];
  return violations.flatMap((violation) => violation.otherCampaigns.map((other) => other.id)).sort();
}

async function record(overrides: Record<string, unknown> = {}) {
  const input = factsInput(overrides);
  const result = await subgraph.query(RECORD_FACTS, { input });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return input.campaignId;
}

/** A campaign written by another process: plain SQL, as a backfill would. */
async function insertBySql(campaignId: string, streamerId: string) {
  await sql.query(
    `INSERT INTO "CampaignFacts" ("campaignId", "brandId", "categories", "platforms", "startsAt", "endsAt", "streamerIds", "status", "updatedAt")
     VALUES ($1, $2, '{fps}', '{TWITCH}', '2027-06-10', '2027-06-20', ARRAY[$3::uuid], 'ACTIVE', now())`,
    [campaignId, id(), streamerId],
  );
}

describe('in-memory copy of the facts', () => {
  it('sees campaigns inserted, changed and deleted by another process in the very next evaluation', async () => {
    const streamer = id();
    const mine = await record({ streamerIds: [streamer] });
    expect(await conflictsOf(mine)).toEqual([]); // the copy is loaded by now

    const theirs = id();
    await insertBySql(theirs, streamer);
    expect(await conflictsOf(mine)).toEqual([theirs]);

    await sql.query(`UPDATE "CampaignFacts" SET "status" = 'COMPLETED' WHERE "campaignId" = $1`, [theirs]);
    expect(await conflictsOf(mine)).toEqual([]);
    await sql.query(
      `UPDATE "CampaignFacts" SET "status" = 'PAUSED', "startsAt" = '2027-08-01', "endsAt" = '2027-08-10' WHERE "campaignId" = $1`,
      [theirs],
    );
    expect(await conflictsOf(mine)).toEqual([]); // competing again, but in August
    await sql.query(`UPDATE "CampaignFacts" SET "endsAt" = '2027-06-30', "startsAt" = '2027-06-29' WHERE "campaignId" = $1`, [theirs]);
    expect(await conflictsOf(mine)).toEqual([theirs]);
    await sql.query(`UPDATE "CampaignFacts" SET "streamerIds" = ARRAY[$2::uuid] WHERE "campaignId" = $1`, [theirs, id()]);
    expect(await conflictsOf(mine)).toEqual([]);
    await sql.query(`UPDATE "CampaignFacts" SET "streamerIds" = ARRAY[$2::uuid] WHERE "campaignId" = $1`, [theirs, streamer]);
    expect(await conflictsOf(mine)).toEqual([theirs]);

    await sql.query(`DELETE FROM "CampaignFacts" WHERE "campaignId" = $1`, [theirs]);
    expect(await conflictsOf(mine)).toEqual([]);
  });

  it('sees a write whose transaction began before an evaluation and committed after it, and never a write rolled back', async () => {
    const streamer = id();
    const mine = await record({ streamerIds: [streamer] });
    const theirs = id();
    await insertBySql(theirs, id()); // another streamer: no conflict yet
    expect(await conflictsOf(mine)).toEqual([]);

    const slow = new pg.Client({ connectionString: subgraph.databaseUrl });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(`UPDATE "CampaignFacts" SET "streamerIds" = ARRAY[$2::uuid] WHERE "campaignId" = $1`, [theirs, streamer]);
      // Evaluations while it runs bring the copy up to snapshots taken after the write began.
      expect(await conflictsOf(mine)).toEqual([]);
      await record(); // other writes, committed meanwhile
      expect(await conflictsOf(mine)).toEqual([]);
      await slow.query('COMMIT');
      expect(await conflictsOf(mine)).toEqual([theirs]);

      await slow.query('BEGIN');
      await slow.query(`UPDATE "CampaignFacts" SET "status" = 'CANCELLED' WHERE "campaignId" = $1`, [theirs]);
      expect(await conflictsOf(mine)).toEqual([theirs]);
      await slow.query('ROLLBACK');
      expect(await conflictsOf(mine)).toEqual([theirs]);
    } finally {
      await slow.end();
    }
  });

  it('agrees with the lookup in SQL after concurrent writes, deletions and evaluations from several processes', async () => {
    const streamers = Array.from({ length: 4 }, () => id());
    const campaigns: string[] = [];
    for (let index = 0; index < 12; index += 1) campaigns.push(await record({ streamerIds: [streamers[index % streamers.length]] }));
    // Deleted while the others run: each deletion makes every copy load again, possibly several loads at once.
    const doomed: string[] = [];
    for (let index = 0; index < 4; index += 1) doomed.push(await record({ streamerIds: [streamers[index]] }));
    const processes: Db[] = [createDb(subgraph.databaseUrl), createDb(subgraph.databaseUrl)];
    const writer = new pg.Pool({ connectionString: subgraph.databaseUrl, max: 4 });
    const summary = (evaluation: Evaluation | null) =>
      evaluation && [evaluation.decision, evaluation.violations.map((v) => v.otherCampaignIds)];
    try {
      let seed = 7;
      const next = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
      const writes = Array.from({ length: 60 }, () => {
        const campaignId = campaigns[next(campaigns.length)]!;
        const streamerId = streamers[next(streamers.length)]!;
        const status = ['ACTIVE', 'PAUSED', 'COMPLETED', 'SCHEDULED'][next(4)]!;
        return writer.query(`UPDATE "CampaignFacts" SET "streamerIds" = ARRAY[$2::uuid], "status" = $3 WHERE "campaignId" = $1`, [
          campaignId,
          streamerId,
          status,
        ]);
      });
      const deletions = doomed.map((campaignId) => writer.query(`DELETE FROM "CampaignFacts" WHERE "campaignId" = $1`, [campaignId]));
      const reads = Array.from({ length: 40 }, (_, index) =>
        evaluateCampaigns(processes[index % 2]!, [{ campaignId: campaigns[index % campaigns.length]! }]),
      );
      await Promise.all([...writes, ...deletions, ...reads]);

      const requests = campaigns.map((campaignId) => ({ campaignId }));
      // Inside a transaction the engine looks candidates up in SQL: the reference.
      const inSql = await processes[0]!.$transaction((tx) => evaluateCampaigns(tx, requests));
      for (const db of processes) {
        const fromCopy = await evaluateCampaigns(db, requests);
        expect(fromCopy.map(summary)).toEqual(inSql.map(summary));
      }
      expect(inSql.some((evaluation) => evaluation!.violations.length > 0)).toBe(true);
    } finally {
      await writer.end();
      await Promise.all(processes.map((db) => db.$disconnect()));
    }
  });
});
