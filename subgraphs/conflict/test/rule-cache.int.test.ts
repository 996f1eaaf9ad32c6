import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { conflictSubgraph } from '../src/index';
import { CREATE_RULE, RECORD_FACTS, factsInput, id, ruleInput } from './factories';

/**
 * The engine keeps the enabled rules in memory between evaluations (they change rarely): every
 * change, through the graph or not, must be seen by the very next evaluation.
 */
const EVALUATE = `query($campaignId: ID!) { evaluateConflicts(campaignId: $campaignId) {
  decision decidedBy { name } violations { rule { name priority } severity } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateConflictRuleInput!) { updateConflictRule(id: $id, input: $input) { id } }`;
const SET_ENABLED = `mutation($id: ID!, $enabled: Boolean!) { setConflictRuleEnabled(id: $id, enabled: $enabled) { id } }`;
const DELETE = `mutation($id: ID!) { deleteConflictRule(id: $id) }`;

let subgraph: TestSubgraph;
let sql: pg.Client;
beforeAll(async () => {
  subgraph = await startTestSubgraph(conflictSubgraph, { viewer: testAdmin });
  sql = new pg.Client({ connectionString: subgraph.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await subgraph?.stop();
});

async function ok(query: string, variables: Record<string, unknown>) {
  const result = await subgraph.query(query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** The decision and its rule, and each violation as "rule name/severity/priority". */
async function evaluate(campaignId: string) {
  const evaluation = (await ok(EVALUATE, { campaignId }))['evaluateConflicts'];
  return {
    decision: evaluation.decision,
    decidedBy: evaluation.decidedBy?.name ?? null,
    violations: evaluation.violations.map(
      (violation: { rule: { name: string; priority: number }; severity: string }) =>
        `${violation.rule.name}/${violation.severity}/${violation.rule.priority}`,
    ),
  };
}

describe('rules kept in memory', () => {
  it('sees a rule created, changed, disabled, enabled and deleted through the graph in the very next evaluation', async () => {
    const streamer = id();
    const mine = factsInput({ streamerIds: [streamer] });
    await ok(RECORD_FACTS, { input: mine });
    await ok(RECORD_FACTS, { input: factsInput({ streamerIds: [streamer] }) });
    const allowed = { decision: 'ALLOW', decidedBy: null, violations: [] };
    expect(await evaluate(mine.campaignId)).toEqual(allowed); // the rules (none) are now in memory

    const created = (await ok(CREATE_RULE, { input: ruleInput({ name: 'Double-booking', severity: 'BLOCK', priority: 7 }) }))[
      'createConflictRule'
    ];
    expect(await evaluate(mine.campaignId)).toEqual({
      decision: 'BLOCK',
      decidedBy: 'Double-booking',
      violations: ['Double-booking/BLOCK/7'],
    });

    await ok(UPDATE, { id: created.id, input: { name: 'Double-booking, reviewed', severity: 'WARN', priority: 3 } });
    expect(await evaluate(mine.campaignId)).toEqual({
      decision: 'WARN',
      decidedBy: 'Double-booking, reviewed',
      violations: ['Double-booking, reviewed/WARN/3'],
    });

    await ok(SET_ENABLED, { id: created.id, enabled: false });
    expect(await evaluate(mine.campaignId)).toEqual(allowed);

    await ok(SET_ENABLED, { id: created.id, enabled: true });
    expect((await evaluate(mine.campaignId)).decision).toBe('WARN');

    await ok(DELETE, { id: created.id });
    expect(await evaluate(mine.campaignId)).toEqual(allowed);
  });

  it('sees a change written to the database by another process (plain SQL) in the very next evaluation', async () => {
    const streamer = id();
    const mine = factsInput({ streamerIds: [streamer] });
    await ok(RECORD_FACTS, { input: mine });
    await ok(RECORD_FACTS, { input: factsInput({ streamerIds: [streamer] }) });
    const created = (await ok(CREATE_RULE, { input: ruleInput({ name: 'Overlap by SQL', severity: 'BLOCK', priority: 1 }) }))[
      'createConflictRule'
    ];
    expect((await evaluate(mine.campaignId)).decision).toBe('BLOCK');

    await sql.query(`UPDATE "ConflictRule" SET "severity" = 'WARN' WHERE "id" = $1`, [created.id]);
    expect((await evaluate(mine.campaignId)).decision).toBe('WARN');

    await sql.query(`DELETE FROM "ConflictRule"`);
    expect((await evaluate(mine.campaignId)).decision).toBe('ALLOW');
  });
});
