import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, testAdmin } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { billingSubgraph } from '../src/index';
import { ISSUE, draft, issued } from './factories';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(billingSubgraph, { viewer: testAdmin });
});
afterAll(async () => {
  await subgraph?.stop();
});

const sequence = (number: string) => Number(number.slice(-6));

describe('invoice numbering', () => {
  it('starts the year at 000001 and counts up', async () => {
    const year = new Date().getUTCFullYear();
    const first = await issued(subgraph);
    const second = await issued(subgraph);
    expect([first.number, second.number]).toEqual([`INV-${year}-000001`, `INV-${year}-000002`]);
  });

  it('gives 20 concurrent issues 20 unique, consecutive numbers', async () => {
    const drafts = await Promise.all(Array.from({ length: 20 }, () => draft(subgraph)));
    const results = await Promise.all(drafts.map((invoice) => subgraph.query(ISSUE, { id: invoice.id })));
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    const numbers = results.map((result) => sequence(result.data!['issueInvoice'].number)).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => numbers[0]! + i));
  });

  it('spends one number when the same draft is issued 20 times at once', async () => {
    const before = sequence((await issued(subgraph)).number);
    const invoice = await draft(subgraph);
    const results = await Promise.all(Array.from({ length: 20 }, () => subgraph.query(ISSUE, { id: invoice.id })));
    const winners = results.filter((result) => !result.errors);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((result) => result.errors))
      expect(loser.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(sequence(winners[0]!.data!['issueInvoice'].number)).toBe(before + 1);
    // A refused issue (no lines) gives its number back too.
    const empty = await draft(subgraph, { lines: [] });
    expect((await subgraph.query(ISSUE, { id: empty.id })).errors![0]!.extensions).toMatchObject({ field: 'id' });
    expect(sequence((await issued(subgraph)).number)).toBe(before + 2);
  });
});
