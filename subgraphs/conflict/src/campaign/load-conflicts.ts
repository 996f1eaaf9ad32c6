import { isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import { findConflicts } from './find-conflicts';
import type { FoundConflict } from './find-conflicts';

/**
 * The conflicts of many campaigns, in three queries whatever their number: their facts, the
 * enabled rules, and the facts of every other brand's campaign overlapping any of their windows.
 * A campaign without recorded facts has no conflicts.
 */
export async function loadConflicts(db: Db, campaignIds: readonly string[]): Promise<FoundConflict[][]> {
  const ids = [...new Set(campaignIds.filter(isUuid).map((id) => id.toLowerCase()))];
  const facts = ids.length ? await db.campaignFacts.findMany({ where: { campaignId: { in: ids } } }) : [];
  if (!facts.length) return campaignIds.map(() => []);
  const [rules, others] = await Promise.all([
    db.conflictRule.findMany({ where: { enabled: true } }),
    db.campaignFacts.findMany({
      where: {
        OR: facts.map((fact) => ({ brandId: { not: fact.brandId }, startsAt: { lt: fact.endsAt }, endsAt: { gt: fact.startsAt } })),
      },
    }),
  ]);
  const byId = new Map(facts.map((fact) => [fact.campaignId, fact]));
  return campaignIds.map((id) => {
    const fact = byId.get(id.toLowerCase());
    return fact && rules.length ? findConflicts(fact, others, rules) : [];
  });
}
