import { isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import { queryRows } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { Evaluation, Facts, Streamer } from './engine-types';
import { evaluateRules } from './evaluate-rules';
import type { ReplicaSync } from './facts-replica';
import { replicaOf, syncColumns } from './facts-replica';
import { FACTS_COLUMNS, candidatePlan, loadCandidates } from './load-candidates';
import { enabledRules } from './rule-cache';

export interface CampaignEvaluation extends Evaluation {
  subject: Facts;
  streamerId: string | null;
}

type Client = Db | Prisma.TransactionClient;

type SubjectRow = Facts & { ruleSetVersion: string | null; streamerFacts: Streamer[] } & Partial<ReplicaSync>;

/**
 * The campaigns' facts, the version of the rule set and the facts of the streamers concerned (each
 * campaign's and those asked about), in one statement: with the rules cached (rule-cache.ts) and
 * the other campaigns in memory (facts-replica.ts), the evaluation's only round trip. With a copy,
 * the statement also brings it up to date (SYNC_COLUMNS, the changes since `since`). Streamer facts
 * are read whether or not a rule needs them (they cannot be known before the version is): a lookup
 * of a few keys, cheaper than a round trip. Null lists read as empty ones, as Prisma's findMany read
 * them before. A prepared statement: primary-key lookups and an index range, whose generic plan is
 * the custom one.
 */
const readSubjects = (db: Client, ids: string[], streamerIds: string[], since?: string) =>
  queryRows<SubjectRow>(
    db,
    Prisma.sql`SELECT ${FACTS_COLUMNS}, (SELECT "version"::text FROM "ConflictRuleVersion") AS "ruleSetVersion",
      (SELECT coalesce(json_agg(json_build_object('streamerId', s."streamerId", 'country', s."country", 'averageViewers',
        s."averageViewers", 'categories', coalesce(s."categories", '{}'), 'platforms', coalesce(s."platforms", '{}'))), '[]')
       FROM "StreamerFacts" s WHERE s."streamerId" = ANY(f."streamerIds" || ${streamerIds}::uuid[])) AS "streamerFacts"
       ${since === undefined ? Prisma.empty : Prisma.sql`, ${syncColumns(since)}`}
    FROM "CampaignFacts" f WHERE "campaignId" = ANY(${ids}::uuid[])`,
    since === undefined ? 'conflict_evaluation_subjects' : 'conflict_evaluation_subjects_synced',
  );

/**
 * Evaluates many campaigns (or one streamer's participation in each) with indexed lookups: their
 * facts (with the version of the rule set, the enabled rules coming from memory unless they changed
 * (rule-cache.ts), and the facts of the streamers concerned), then the other campaigns the rules
 * may flag, from the in-memory copy brought up to date by that same statement (facts-replica.ts):
 * one round trip. Inside a transaction (which must see its own writes), one candidate query per
 * campaign instead (loadCandidates). Returns null for a campaign without facts.
 */
export async function evaluateCampaigns(
  db: Client,
  requests: readonly { campaignId: string; streamerId?: string | undefined }[],
): Promise<(CampaignEvaluation | null)[]> {
  const ids = [...new Set(requests.map((request) => request.campaignId.toLowerCase()).filter(isUuid))];
  if (!ids.length) return requests.map(() => null);
  const asked = [...new Set(requests.flatMap((request) => (request.streamerId ? [request.streamerId.toLowerCase()] : [])))];
  const replica = await replicaOf(db);
  const begun = replica?.begin();
  const rows = await readSubjects(db, ids, asked, begun?.since);
  if (!rows.length) return requests.map(() => null);
  if (replica && begun) await replica.sync(rows.find((row) => row.changes != null) as ReplicaSync, begun.ticket);
  const rules = await enabledRules(db, rows[0]!.ruleSetVersion);
  const byId = new Map<string, Facts>();
  const streamers = new Map<string, Streamer>();
  for (const { ruleSetVersion: _version, streamerFacts, factsEpoch: _epoch, snapshot: _snapshot, changes: _changes, ...facts } of rows) {
    byId.set(facts.campaignId, facts);
    for (const streamer of streamerFacts) streamers.set(streamer.streamerId, streamer);
  }
  const work = requests.map((request) => {
    const subject = byId.get(request.campaignId.toLowerCase());
    const streamerId = request.streamerId?.toLowerCase();
    return subject ? { subject, streamerId } : null;
  });
  const candidates = await Promise.all(
    work.map((item) => {
      if (!item) return [];
      return replica
        ? replica.candidates(item.subject, candidatePlan(item.subject, rules, item.streamerId))
        : loadCandidates(db, item.subject, rules, item.streamerId);
    }),
  );
  return work.map((item, index) => {
    if (!item) return null;
    const evaluation = evaluateRules({ subject: item.subject, others: candidates[index]!, rules, streamers, streamerId: item.streamerId });
    return { ...evaluation, subject: item.subject, streamerId: item.streamerId ?? null };
  });
}
