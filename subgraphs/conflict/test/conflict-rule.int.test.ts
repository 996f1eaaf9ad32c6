import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { conflictSubgraph } from '../src/index';
import { CREATE_RULE, RULE_FIELDS, id, ruleInput } from './factories';

const UPDATE = `mutation($id: ID!, $input: UpdateConflictRuleInput!) { updateConflictRule(id: $id, input: $input) { ${RULE_FIELDS} } }`;
const READ = `query($id: ID!) { conflictRule(id: $id) { ${RULE_FIELDS} } }`;
const SET_ENABLED = `mutation($id: ID!, $enabled: Boolean!) { setConflictRuleEnabled(id: $id, enabled: $enabled) { id enabled } }`;
const DELETE = `mutation($id: ID!) { deleteConflictRule(id: $id) }`;

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(conflictSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

async function ruleCount(): Promise<number> {
  return (await subgraph.query(`{ conflictRules(first: 100) { nodes { id } } }`)).data!['conflictRules'].nodes.length;
}

async function created(overrides: Record<string, unknown> = {}) {
  const result = await subgraph.query(CREATE_RULE, { input: ruleInput(overrides) });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!['createConflictRule'];
}

describe('conflict rules', () => {
  it('creates a rule of each type with typed conditions and reads it back', async () => {
    const brandId = id();
    const rules = [
      await created({ type: 'TIME_OVERLAP', conditions: { minimumOverlapMinutes: 45 } }),
      await created({ type: 'TIME_OVERLAP', conditions: null }),
      await created({
        type: 'CATEGORY_CONFLICT',
        severity: 'WARN',
        conditions: { competingCategories: ['energy-drinks', 'soft-drinks', 'energy-drinks'] },
      }),
      await created({ type: 'PLATFORM_EXCLUSIVITY', enabled: false, conditions: { exclusiveBrandId: brandId, platform: 'TWITCH' } }),
    ];
    expect(rules.map((rule) => rule.conditions)).toEqual([
      { competingCategories: null, exclusiveBrand: null, platform: null, minimumOverlapMinutes: 45 },
      { competingCategories: null, exclusiveBrand: null, platform: null, minimumOverlapMinutes: null },
      { competingCategories: ['energy-drinks', 'soft-drinks'], exclusiveBrand: null, platform: null, minimumOverlapMinutes: null },
      { competingCategories: null, exclusiveBrand: { id: brandId }, platform: 'TWITCH', minimumOverlapMinutes: null },
    ]);
    expect(rules.map((rule) => [rule.type, rule.severity, rule.enabled])).toEqual([
      ['TIME_OVERLAP', 'BLOCK', true],
      ['TIME_OVERLAP', 'BLOCK', true],
      ['CATEGORY_CONFLICT', 'WARN', true],
      ['PLATFORM_EXCLUSIVITY', 'BLOCK', false],
    ]);
    for (const rule of rules) expect((await subgraph.query(READ, { id: rule.id })).data!['conflictRule']).toEqual(rule);
  });

  const invalid: [string, string, Record<string, unknown>][] = [
    ['an empty name', 'input.name', { name: '' }],
    ['a negative priority', 'input.priority', { priority: -1 }],
    ['a category rule without conditions', 'input.conditions', { type: 'CATEGORY_CONFLICT', conditions: null }],
    [
      'a category rule with one category',
      'input.conditions.competingCategories',
      { type: 'CATEGORY_CONFLICT', conditions: { competingCategories: ['energy-drinks'] } },
    ],
    [
      'a category rule with one category twice',
      'input.conditions.competingCategories',
      { type: 'CATEGORY_CONFLICT', conditions: { competingCategories: ['cola', 'cola'] } },
    ],
    [
      'a category that is no slug',
      'input.conditions.competingCategories',
      { type: 'CATEGORY_CONFLICT', conditions: { competingCategories: ['Cola', 'tea'] } },
    ],
    [
      'a category rule with a platform',
      'input.conditions.platform',
      { type: 'CATEGORY_CONFLICT', conditions: { competingCategories: ['cola', 'tea'], platform: 'KICK' } },
    ],
    ['an exclusivity rule without conditions', 'input.conditions', { type: 'PLATFORM_EXCLUSIVITY', conditions: null }],
    [
      'an exclusivity rule without a brand',
      'input.conditions.exclusiveBrandId',
      { type: 'PLATFORM_EXCLUSIVITY', conditions: { platform: 'TWITCH' } },
    ],
    [
      'an exclusivity rule without a platform',
      'input.conditions.platform',
      { type: 'PLATFORM_EXCLUSIVITY', conditions: { exclusiveBrandId: id() } },
    ],
    [
      'an exclusivity rule with a bad brand id',
      'input.conditions.exclusiveBrandId',
      { type: 'PLATFORM_EXCLUSIVITY', conditions: { exclusiveBrandId: 'nordwind', platform: 'TWITCH' } },
    ],
    [
      'an exclusivity rule with a minimum overlap',
      'input.conditions.minimumOverlapMinutes',
      { type: 'PLATFORM_EXCLUSIVITY', conditions: { exclusiveBrandId: id(), platform: 'TWITCH', minimumOverlapMinutes: 5 } },
    ],
    [
      'a negative minimum overlap',
      'input.conditions.minimumOverlapMinutes',
      { type: 'TIME_OVERLAP', conditions: { minimumOverlapMinutes: -5 } },
    ],
    [
      'a time overlap rule with categories',
      'input.conditions.competingCategories',
      { type: 'TIME_OVERLAP', conditions: { competingCategories: ['cola', 'tea'] } },
    ],
    [
      'a time overlap rule with a brand',
      'input.conditions.exclusiveBrandId',
      { type: 'TIME_OVERLAP', conditions: { exclusiveBrandId: id() } },
    ],
  ];

  it.each(invalid)('rejects %s as BAD_USER_INPUT on %s and writes nothing', async (_label, field, overrides) => {
    const before = await ruleCount();
    const bad = await subgraph.query(CREATE_RULE, { input: ruleInput(overrides) });
    expect(bad.data).toBeNull();
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await ruleCount()).toBe(before);
  });

  it('answers CONFLICT for a name already taken, on create and on update', async () => {
    const first = await created({ name: 'Unique name' });
    const again = await subgraph.query(CREATE_RULE, { input: ruleInput({ name: 'Unique name' }) });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    const other = await created();
    const rename = await subgraph.query(UPDATE, { id: other.id, input: { name: 'Unique name' } });
    expect(rename.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    expect((await subgraph.query(READ, { id: other.id })).data!['conflictRule'].name).toBe(other.name);
    expect((await subgraph.query(READ, { id: first.id })).data!['conflictRule'].name).toBe('Unique name');
  });

  it('updates only the given fields, checking conditions against the type the rule will have', async () => {
    const rule = await created({ type: 'CATEGORY_CONFLICT', conditions: { competingCategories: ['cola', 'tea'] } });
    const updated = await subgraph.query(UPDATE, { id: rule.id, input: { priority: 3, severity: 'WARN', description: 'New words' } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!['updateConflictRule']).toMatchObject({
      name: rule.name,
      priority: 3,
      severity: 'WARN',
      description: 'New words',
      conditions: rule.conditions,
    });

    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'PLATFORM_EXCLUSIVITY' }, 'input.conditions'],
      [{ type: 'PLATFORM_EXCLUSIVITY', conditions: { platform: 'YOUTUBE' } }, 'input.conditions.exclusiveBrandId'],
      [{ conditions: { competingCategories: ['cola'] } }, 'input.conditions.competingCategories'],
      [{ conditions: { competingCategories: ['cola', 'tea'], minimumOverlapMinutes: 10 } }, 'input.conditions.minimumOverlapMinutes'],
      [{ priority: 10_001 }, 'input.priority'],
    ];
    for (const [input, field] of cases) {
      const bad = await subgraph.query(UPDATE, { id: rule.id, input: { description: 'Not written', ...input } });
      expect(bad.errors![0]!.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await subgraph.query(READ, { id: rule.id })).data!['conflictRule']).toEqual(updated.data!['updateConflictRule']);

    const brandId = id();
    const retyped = await subgraph.query(UPDATE, {
      id: rule.id,
      input: { type: 'PLATFORM_EXCLUSIVITY', conditions: { exclusiveBrandId: brandId, platform: 'KICK' } },
    });
    expect(retyped.data!['updateConflictRule']).toMatchObject({
      type: 'PLATFORM_EXCLUSIVITY',
      conditions: { competingCategories: null, exclusiveBrand: { id: brandId }, platform: 'KICK', minimumOverlapMinutes: null },
    });
    const toOverlap = await subgraph.query(UPDATE, { id: rule.id, input: { type: 'TIME_OVERLAP' } });
    expect(toOverlap.data!['updateConflictRule']).toMatchObject({
      type: 'TIME_OVERLAP',
      conditions: { competingCategories: null, exclusiveBrand: null, platform: null, minimumOverlapMinutes: null },
    });
  });

  it('enables, disables and deletes rules', async () => {
    const rule = await created();
    expect((await subgraph.query(SET_ENABLED, { id: rule.id, enabled: false })).data!['setConflictRuleEnabled']).toEqual({
      id: rule.id,
      enabled: false,
    });
    expect((await subgraph.query(READ, { id: rule.id })).data!['conflictRule'].enabled).toBe(false);
    expect((await subgraph.query(SET_ENABLED, { id: rule.id, enabled: true })).data!['setConflictRuleEnabled'].enabled).toBe(true);
    expect((await subgraph.query(DELETE, { id: rule.id })).data!['deleteConflictRule']).toBe(rule.id);
    const gone = await subgraph.query(READ, { id: rule.id });
    expect(gone.data!['conflictRule']).toBeNull();
    expect(gone.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', typename: 'ConflictRule' });
  });

  it('answers NOT_FOUND for unknown rules, not a server error', async () => {
    for (const missing of [id(), 'rule-1']) {
      for (const [query, variables] of [
        [READ, { id: missing }],
        [UPDATE, { id: missing, input: { priority: 1 } }],
        [SET_ENABLED, { id: missing, enabled: false }],
        [DELETE, { id: missing }],
      ] as const) {
        const result = await subgraph.query(query, variables);
        expect(
          Object.values(result.data ?? {}).every((value) => value === null),
          query,
        ).toBe(true);
        expect(result.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', typename: 'ConflictRule' });
      }
    }
  });

  it('pages through rules with cursors, newest first, filtered by type and enabled', async () => {
    const names: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const rule = await created({
        name: `Paged ${i}`,
        type: 'CATEGORY_CONFLICT',
        conditions: { competingCategories: ['juice', 'water'] },
        enabled: i % 2 === 0,
      });
      names.push(rule.name);
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await subgraph.query(
        `query($after: String) { conflictRules(first: 2, after: $after, type: CATEGORY_CONFLICT) { nodes { name } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      seen.push(...page.data.conflictRules.nodes.map((node: { name: string }) => node.name));
      after = page.data.conflictRules.pageInfo.hasNextPage ? page.data.conflictRules.pageInfo.endCursor : null;
    } while (after);
    expect(seen.filter((name) => name.startsWith('Paged'))).toEqual(['Paged 4', 'Paged 3', 'Paged 2', 'Paged 1', 'Paged 0']);
    const disabled = await subgraph.query(`{ conflictRules(type: CATEGORY_CONFLICT, enabled: false) { nodes { name enabled } } }`);
    expect(disabled.data!['conflictRules'].nodes.filter((node: { name: string }) => node.name.startsWith('Paged'))).toEqual([
      { name: 'Paged 3', enabled: false },
      { name: 'Paged 1', enabled: false },
    ]);
    const badCursor = await subgraph.query(`{ conflictRules(after: "nonsense") { nodes { id } } }`);
    expect(badCursor.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('resolves ConflictRule references in order, unknown ones as null', async () => {
    const a = await created({ name: 'Ref A' });
    const b = await created({ name: 'Ref B' });
    const result = await subgraph.query(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ConflictRule { id name } } }`,
      { representations: [b, { id: id() }, a].map((rule) => ({ __typename: 'ConflictRule', id: rule.id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!['_entities']).toEqual([{ id: b.id, name: 'Ref B' }, null, { id: a.id, name: 'Ref A' }]);
  });
});
