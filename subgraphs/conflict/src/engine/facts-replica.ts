import type { Db } from '../db';
import { rawReaderOf } from '../db';
import { Prisma } from '../generated/prisma/client';
import { COMPETING_SQL, COMPETING_STATUSES } from './competing';
import type { PrefilterAlgebra } from './prefilter';
import { prefilterWith } from './prefilter';
import type { Facts } from './engine-types';
import { IntervalIndex } from './interval-index';
import type { CandidatePlan } from './load-candidates';

/**
 * The engine's in-memory copy of the competing campaigns' facts, indexed by window per category,
 * platform, brand and streamer (IntervalIndex): the candidate lookup of an evaluation without a
 * second statement, and without shipping thousands of rows when a rule flags thousands.
 *
 * Kept exact, across processes, without listening to anything: every evaluation's one statement
 * also reads the rows changed since the copy was last brought up to date (the `facts_replica`
 * migration): those whose last writer (`changedXid`) had not completed in the snapshot the copy was
 * synced at (pg_visible_in_snapshot), whether it was still running then, however long it ran, or
 * began later; so no write is missed, and the rows the copy already holds are not read again. A row
 * read twice (concurrent evaluations) is applied once: `changeSeq` orders the versions of a row. The campaign is therefore evaluated against every write committed before its statement,
 * as with a lookup in SQL. Deletions (by hand or by tests only) bump an epoch that makes the copy
 * load everything again.
 *
 * Only for clients made by createDb: inside a transaction the evaluation must see that
 * transaction's own uncommitted writes, so it looks candidates up in SQL (loadCandidates).
 */
export interface ReplicaSync {
  factsEpoch: string;
  /** pg_current_snapshot() of the statement, as text ('xmin:xmax:running,...'). */
  snapshot: string;
  /** JSON: ReplicaRow[]. */
  changes: string;
}

interface ReplicaRow extends Omit<Facts, 'startsAt' | 'endsAt'> {
  startsAt: string;
  endsAt: string;
  changeSeq: string;
}

/** A row's newest version seen; facts null when it does not compete (kept against older versions). */
interface Entry {
  /** changeSeq: a PostgreSQL bigint, exact as a number below 2^53 writes. */
  seq: number;
  facts: Facts | null;
}

const MINUTE = 60_000;

/** The columns of a facts row as JSON, typed as the evaluator reads them (see FACTS_COLUMNS). */
const ROW_JSON = `json_build_object('campaignId', "campaignId", 'brandId', "brandId", 'status', "status",
  'categories', coalesce("categories", '{}'), 'effectiveCategories', coalesce("effectiveCategories", '{}'),
  'platforms', coalesce("platforms", '{}'), 'countries', coalesce("countries", '{}'),
  'startsAt', ("startsAt" AT TIME ZONE 'UTC'), 'endsAt', ("endsAt" AT TIME ZONE 'UTC'),
  'streamerIds', coalesce("streamerIds", '{}'), 'changeSeq', "changeSeq"::text)`;

/**
 * Columns added to the evaluation's statement: the epoch, its snapshot, and the rows written by
 * transactions that had not completed in the snapshot `since` (found from the index on changedXid:
 * every such id is at least that snapshot's xmin), on one row only (a batch of campaigns does not
 * repeat them). pg_current_snapshot() is the statement's own snapshot, the one the rows are read in.
 */
export const syncColumns = (since: string) => Prisma.sql`(SELECT "epoch"::text FROM "CampaignFactsEpoch") AS "factsEpoch",
  pg_current_snapshot()::text AS "snapshot",
  CASE WHEN row_number() OVER () = 1 THEN (SELECT coalesce(json_agg(${Prisma.raw(ROW_JSON)}), '[]')::text FROM "CampaignFacts"
    WHERE "changedXid" >= pg_snapshot_xmin(${since}::pg_snapshot) AND NOT pg_visible_in_snapshot("changedXid", ${since}::pg_snapshot)) END AS "changes"`;

const LOAD_SQL = `SELECT (SELECT "epoch"::text FROM "CampaignFactsEpoch") AS "factsEpoch",
  pg_current_snapshot()::text AS "snapshot",
  (SELECT coalesce(json_agg(${ROW_JSON}), '[]')::text FROM "CampaignFacts" WHERE ${COMPETING_SQL.text}) AS "changes"`;

/**
 * One string object per distinct value (brands, categories, platforms, countries, streamers): the
 * parsed JSON repeats them in every campaign, and the copy is what the garbage collector marks over
 * and over. Bounded by the values in use (cleared with the copy).
 */
class Strings {
  private readonly pool = new Map<string, string>();
  one(value: string): string {
    const held = this.pool.get(value);
    if (held !== undefined) return held;
    this.pool.set(value, value);
    return value;
  }
  all(values: readonly string[]): string[] {
    return values.map((value) => this.one(value));
  }
  clear(): void {
    this.pool.clear();
  }
}

/**
 * Built field by field in FACTS_COLUMNS' order: the same hidden class as the rows read through pg
 * (the subject), so the evaluator's property reads stay monomorphic (objects made by spreading the
 * parsed JSON evaluated five times slower, measured).
 */
const toFacts = (row: ReplicaRow, strings: Strings): Facts => ({
  campaignId: row.campaignId,
  brandId: strings.one(row.brandId),
  status: strings.one(row.status),
  categories: strings.all(row.categories),
  effectiveCategories: strings.all(row.effectiveCategories),
  platforms: strings.all(row.platforms),
  countries: strings.all(row.countries),
  startsAt: new Date(row.startsAt),
  endsAt: new Date(row.endsAt),
  streamerIds: strings.all(row.streamerIds),
});

type Lookup = { index: 'category' | 'platform' | 'brand' | 'id'; values: string[] } | { all: Lookup[] } | { any: Lookup[] };

/** Prefilters of CUSTOM rules as lookups in the copy's indexes (the SQL ones are in condition-prefilter.ts). */
const LOOKUPS: PrefilterAlgebra<Lookup> = {
  leaf(field, op, values) {
    const strings = values.map(String);
    // contains_all: every campaign holding all the values holds the first.
    const listed = op === 'contains_all' ? strings.slice(0, 1) : strings;
    if (field === 'other.categories') return { index: 'category', values: listed };
    if (field === 'other.platforms') return { index: 'platform', values: listed };
    if (op !== 'eq' && op !== 'in') return 'unknown';
    if (field === 'other.brandId') return { index: 'brand', values: strings.map((value) => value.toLowerCase()) };
    if (field === 'other.id') return { index: 'id', values: strings.map((value) => value.toLowerCase()) };
    return 'unknown';
  },
  all: (parts) => ({ all: parts }),
  any: (parts) => ({ any: parts }),
};

export class FactsReplica {
  private epoch: string | null = null;
  /** The snapshot the copy holds everything of (text), and its xmax to tell the newer of two. */
  private snapshot = '';
  private snapshotXmax = 0n;
  private readonly entries = new Map<string, Entry>();
  private readonly strings = new Strings();
  private all = new IntervalIndex();
  private readonly byKey = {
    category: new Map<string, IntervalIndex>(),
    platform: new Map<string, IntervalIndex>(),
    brand: new Map<string, IntervalIndex>(),
    streamer: new Map<string, IntervalIndex>(),
  };
  /** Statements started (sync reads and loads): a load only serves reads that started before it. */
  private tick = 0;
  private loading: { startedAt: number; done: Promise<void> } | null = null;
  /** When the load the copy holds was started: an older load finishing later must not replace it. */
  private loadedAt = 0;

  constructor(private readonly read: <T extends object>(text: string) => Promise<T[]>) {}

  get loaded(): boolean {
    return this.epoch !== null;
  }

  /** The snapshot to pass to syncColumns, and a ticket for `sync`. */
  begin(): { since: string; ticket: number } {
    this.tick += 1;
    return { since: this.snapshot, ticket: this.tick };
  }

  /**
   * Brings the copy up to date with what a statement begun with `ticket` read: its changes, or,
   * when facts were deleted since the copy was loaded, everything again.
   */
  async sync(read: ReplicaSync, ticket: number): Promise<void> {
    if (read.factsEpoch === this.epoch) {
      this.apply(read.changes, read.snapshot);
      return;
    }
    // A copy loaded at a newer epoch was loaded after this read's snapshot: it is fresh enough.
    if (this.epoch !== null && BigInt(read.factsEpoch) < BigInt(this.epoch)) return;
    await this.load(ticket);
  }

  /** Loads every competing campaign, unless a load begun after `ticket` is already under way. */
  async load(ticket = this.tick): Promise<void> {
    if (this.loading && this.loading.startedAt > ticket) return this.loading.done;
    this.tick += 1;
    const startedAt = this.tick;
    const done = (async () => {
      const read = (await this.read<ReplicaSync>(LOAD_SQL))[0]!;
      if (startedAt < this.loadedAt) return;
      this.loadedAt = startedAt;
      this.clear();
      this.epoch = read.factsEpoch;
      this.apply(read.changes, read.snapshot);
    })();
    this.loading = { startedAt, done };
    try {
      await done;
    } finally {
      if (this.loading?.done === done) this.loading = null;
    }
  }

  private clear(): void {
    this.entries.clear();
    this.strings.clear();
    this.snapshot = '';
    this.snapshotXmax = 0n;
    this.all = new IntervalIndex();
    for (const map of Object.values(this.byKey)) map.clear();
  }

  /**
   * Applies rows read in `snapshot`. The copy then holds everything of that snapshot, and of the one
   * it held before: the next read may start from either; the newer (by xmax) reads less again.
   */
  private apply(changes: string, snapshot: string): void {
    const added: Facts[] = [];
    for (const row of JSON.parse(changes) as ReplicaRow[]) {
      const seq = Number(row.changeSeq);
      const held = this.entries.get(row.campaignId);
      if (held && held.seq >= seq) continue; // this version or a newer one is already here
      if (held?.facts) this.unindex(held.facts);
      const facts = COMPETING_STATUSES.has(row.status) ? toFacts(row, this.strings) : null;
      this.entries.set(row.campaignId, { seq, facts });
      if (facts) added.push(facts);
    }
    this.index(added);
    const xmax = BigInt(snapshot.split(':')[1]!);
    if (xmax >= this.snapshotXmax) {
      this.snapshot = snapshot;
      this.snapshotXmax = xmax;
    }
  }

  private keysOf(facts: Facts): [Map<string, IntervalIndex>, readonly string[]][] {
    return [
      [this.byKey.category, facts.effectiveCategories],
      [this.byKey.platform, facts.platforms],
      [this.byKey.brand, [facts.brandId]],
      [this.byKey.streamer, facts.streamerIds],
    ];
  }

  private index(added: readonly Facts[]): void {
    this.all.addAll(added);
    const byIndex = new Map<IntervalIndex, Facts[]>();
    for (const facts of added) {
      for (const [map, keys] of this.keysOf(facts)) {
        for (const key of new Set(keys)) {
          let index = map.get(key);
          if (!index) map.set(key, (index = new IntervalIndex()));
          const batch = byIndex.get(index);
          if (batch) batch.push(facts);
          else byIndex.set(index, [facts]);
        }
      }
    }
    for (const [index, batch] of byIndex) index.addAll(batch);
  }

  private unindex(facts: Facts): void {
    this.all.remove(facts);
    for (const [map, keys] of this.keysOf(facts)) {
      for (const key of new Set(keys)) {
        const index = map.get(key);
        index?.remove(facts);
        if (index?.size === 0) map.delete(key);
      }
    }
  }

  /** How many campaigns a lookup may find (to run the narrowest part of an `all`). */
  private estimate(lookup: Lookup): number {
    if ('all' in lookup) return Math.min(...lookup.all.map((part) => this.estimate(part)));
    if ('any' in lookup) return lookup.any.reduce((sum, part) => sum + this.estimate(part), 0);
    if (lookup.index === 'id') return lookup.values.length;
    const map = this.byKey[lookup.index];
    return lookup.values.reduce((sum, value) => sum + (map.get(value)?.size ?? 0), 0);
  }

  private run(lookup: Lookup, from: number, to: number, visit: (facts: Facts) => void): void {
    if ('any' in lookup) for (const part of lookup.any) this.run(part, from, to, visit);
    else if ('all' in lookup) {
      const narrowest = lookup.all.reduce((best, part) => (this.estimate(part) < this.estimate(best) ? part : best));
      this.run(narrowest, from, to, visit);
    } else if (lookup.index === 'id') {
      for (const id of lookup.values) {
        const facts = this.entries.get(id)?.facts;
        if (facts && facts.startsAt.getTime() < to && facts.endsAt.getTime() > from) visit(facts);
      }
    } else {
      for (const value of lookup.values) this.byKey[lookup.index].get(value)?.forEachOverlapping(from, to, visit);
    }
  }

  /**
   * The campaigns the plan's arms find (the same arms as the SQL of candidatesQuery): a superset of
   * those the rules can flag, which the evaluator then decides exactly.
   */
  candidates(subject: Facts, plan: CandidatePlan): Facts[] {
    const found = new Set<Facts>();
    const visit = (facts: Facts) => {
      if (facts.campaignId !== subject.campaignId) found.add(facts);
    };
    const from = subject.startsAt.getTime();
    const to = subject.endsAt.getTime();
    const lookups: Lookup[] = [];
    let everything = false;
    for (const condition of plan.conditions) {
      const lookup = prefilterWith(condition, subject, LOOKUPS);
      if (lookup === true || lookup === 'unknown') everything = true;
      else if (lookup !== false) lookups.push(lookup);
    }
    if (everything) this.all.forEachOverlapping(from, to, visit);
    else {
      for (const lookup of lookups) this.run(lookup, from, to, visit);
      this.run({ index: 'category', values: plan.categories }, from, to, visit);
      this.run({ index: 'platform', values: plan.exclusivePlatforms }, from, to, visit);
      this.run({ index: 'brand', values: plan.exclusiveBrands }, from, to, visit);
    }
    const reach = plan.reachMinutes * MINUTE;
    for (const streamerId of plan.streamers) this.byKey.streamer.get(streamerId)?.forEachOverlapping(from - reach, to + reach, visit);
    return [...found];
  }
}

const replicas = new WeakMap<object, FactsReplica>();

/** The copy behind a client made by createDb (loaded on first use); undefined for any other client. */
export async function replicaOf(db: Db | Prisma.TransactionClient): Promise<FactsReplica | undefined> {
  const read = rawReaderOf(db);
  if (!read) return undefined;
  let replica = replicas.get(db);
  if (!replica) replicas.set(db, (replica = new FactsReplica(read)));
  if (!replica.loaded) await replica.load();
  return replica;
}
