import { isUuid } from '@gametriggers/federation';
import type { Db } from '../db';
import { queryRows } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { Evaluation, Facts, Streamer } from './engine-types';
import { evaluateRules } from './evaluate-rules';
import { FACTS_COLUMNS, loadCandidates } from './load-candidates';
import { enabledRules } from './rule-cache';

export interface CampaignEvaluation extends Evaluation {
  subject: Facts;
  streamerId: string | null;
}

type Client = Db | Prisma.TransactionClient;

type SubjectRow = Facts & { ruleSetVersion: string | null; streamerFacts: Streamer[] };

/**
 * The campaigns' facts, the version of the rule set and the facts of the streamers concerned (each
 * campaign's and those asked about), in one statement: with the rules cached (rule-cache.ts), the
 * first of the evaluation's two round trips. Streamer facts are read whether or not a rule needs
 * them (they cannot be known before the version is): a lookup of a few keys, cheaper than a round
 * trip. Null lists read as empty ones, as Prisma's findMany read them before. A prepared statement:
 * primary-key lookups, whose generic plan is the custom one.
 */
const readSubjects = (db: Client, ids: string[], streamerIds: string[]) =>
  queryRows<SubjectRow>(
    db,
    Prisma.sql`SELECT ${FACTS_COLUMNS}, (SELECT "version"::text FROM "ConflictRuleVersion") AS "ruleSetVersion",
      (SELECT coalesce(json_agg(json_build_object('streamerId', s."streamerId", 'country', s."country", 'averageViewers',
        s."averageViewers", 'categories', coalesce(s."categories", '{}'), 'platforms', coalesce(s."platforms", '{}'))), '[]')
       FROM "StreamerFacts" s WHERE s."streamerId" = ANY(f."streamerIds" || ${streamerIds}::uuid[])) AS "streamerFacts"
    FROM "CampaignFacts" f WHERE "campaignId" = ANY(${ids}::uuid[])`,
    'conflict_evaluation_subjects',
  );

/**
 * Evaluates many campaigns (or one streamer's participation in each) with indexed lookups, in two
 * round trips: their facts (with the version of the rule set, the enabled rules coming from memory
 * unless they changed (rule-cache.ts), and the facts of the streamers concerned), then one
 * candidate query per campaign (see loadCandidates). Returns null for a campaign without facts.
 */
export async function evaluateCampaigns(
  db: Client,
  requests: readonly { campaignId: string; streamerId?: string | undefined }[],
): Promise<(CampaignEvaluation | null)[]> {
  const ids = [...new Set(requests.map((request) => request.campaignId.toLowerCase()).filter(isUuid))];
  if (!ids.length) return requests.map(() => null);
  const asked = [...new Set(requests.flatMap((request) => (request.streamerId ? [request.streamerId.toLowerCase()] : [])))];
  const rows = await readSubjects(db, ids, asked);
  if (!rows.length) return requests.map(() => null);
  const rules = await enabledRules(db, rows[0]!.ruleSetVersion);
  const byId = new Map<string, Facts>();
  const streamers = new Map<string, Streamer>();
  for (const { ruleSetVersion: _version, streamerFacts, ...facts } of rows) {
    byId.set(facts.campaignId, facts);
    for (const streamer of streamerFacts) streamers.set(streamer.streamerId, streamer);
  }
  const work = requests.map((request) => {
    const subject = byId.get(request.campaignId.toLowerCase());
    const streamerId = request.streamerId?.toLowerCase();
    return subject ? { subject, streamerId } : null;
  });
  const candidates = await Promise.all(work.map((item) => (item ? loadCandidates(db, item.subject, rules, item.streamerId) : [])));
  return work.map((item, index) => {
    if (!item) return null;
    const evaluation = evaluateRules({ subject: item.subject, others: candidates[index]!, rules, streamers, streamerId: item.streamerId });
    return { ...evaluation, subject: item.subject, streamerId: item.streamerId ?? null };
  });
}
