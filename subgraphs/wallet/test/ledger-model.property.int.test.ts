import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { ADMIN, DEPOSIT, HOLD, RELEASE, TRANSFER, actingAs, balanceOf, brand, newId, newKey, streamer } from './factories';
import { walletWithoutJobs } from './factories';

/**
 * Property: any sequence of deposits, transfers, holds, releases and retries, sent through the API,
 * leaves every wallet exactly where a plain in-memory model of the ledger says, and refuses exactly
 * the operations the model cannot cover (INSUFFICIENT_FUNDS).
 */
let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = actingAs(await startTestSubgraph(walletWithoutJobs), ADMIN);
});
afterAll(async () => {
  await subgraph?.stop();
});

type Op =
  | { type: 'deposit'; brand: number; cents: number }
  | { type: 'transfer'; from: number; to: number; cents: number }
  | { type: 'hold'; brand: number; cents: number }
  | { type: 'release'; brand: number; cents: number }
  | { type: 'retry'; index: number };

const cents = fc.integer({ min: 1, max: 5_000 });
const party = fc.integer({ min: 0, max: 3 }); // 0, 1: brands; 2, 3: streamers
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('deposit' as const), brand: fc.integer({ min: 0, max: 1 }), cents }),
  fc.record({ type: fc.constant('transfer' as const), from: party, to: party, cents }).filter((op) => op.from !== op.to),
  fc.record({ type: fc.constant('hold' as const), brand: fc.integer({ min: 0, max: 1 }), cents }),
  fc.record({ type: fc.constant('release' as const), brand: fc.integer({ min: 0, max: 1 }), cents }),
  fc.record({ type: fc.constant('retry' as const), index: fc.nat() }),
);

const money = (value: number) => ({ amount: (value / 100).toFixed(2), currency: 'USD' });

describe('the ledger against a model', () => {
  it('matches the model after any sequence of operations and retries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const ids = [newId(), newId(), newId(), newId()];
        const owner = (i: number) => (i < 2 ? brand(ids[i]!) : streamer(ids[i]!));
        const model = ids.map(() => ({ available: 0, held: 0 }));
        const sent: { query: string; input: Record<string, unknown>; ok: boolean; apply: () => boolean }[] = [];

        for (const op of ops) {
          let request: (typeof sent)[number];
          if (op.type === 'retry') {
            const original = sent[op.index % Math.max(sent.length, 1)];
            if (!original) continue;
            request = original;
          } else if (op.type === 'deposit') {
            const m = model[op.brand]!;
            request = {
              query: DEPOSIT,
              input: { brandId: ids[op.brand], amount: money(op.cents), idempotencyKey: newKey('p'), reference: 'prop' },
              ok: false,
              apply: () => ((m.available += op.cents), true),
            };
          } else if (op.type === 'transfer') {
            const [from, to] = [model[op.from]!, model[op.to]!];
            request = {
              query: TRANSFER,
              input: { from: owner(op.from), to: owner(op.to), amount: money(op.cents), idempotencyKey: newKey('p') },
              ok: false,
              apply: () => from.available >= op.cents && ((from.available -= op.cents), (to.available += op.cents), true),
            };
          } else {
            const m = model[op.brand]!;
            const hold = op.type === 'hold';
            request = {
              query: hold ? HOLD : RELEASE,
              input: { brandId: ids[op.brand], amount: money(op.cents), idempotencyKey: newKey('p') },
              ok: false,
              apply: () =>
                hold
                  ? m.available >= op.cents && ((m.available -= op.cents), (m.held += op.cents), true)
                  : m.held >= op.cents && ((m.held -= op.cents), (m.available += op.cents), true),
            };
          }
          // A retry of a movement that went through changes nothing; one that was refused is tried again.
          const expectedOk = request.ok || request.apply();
          const result = await subgraph.query(request.query, { input: request.input });
          if (expectedOk) expect(result.errors, JSON.stringify(op)).toBeUndefined();
          else expect(result.errors?.[0]?.extensions?.['code'], JSON.stringify(op)).toBe('INSUFFICIENT_FUNDS');
          request.ok = expectedOk;
          if (op.type !== 'retry') sent.push(request);
        }

        for (let i = 0; i < ids.length; i += 1) {
          const actual = await balanceOf(subgraph, i < 2 ? 'Brand' : 'Streamer', ids[i]!);
          const expected = model[i]!;
          expect(actual, `party ${i}`).toEqual({
            available: expected.available,
            held: expected.held,
            total: expected.available + expected.held,
          });
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
