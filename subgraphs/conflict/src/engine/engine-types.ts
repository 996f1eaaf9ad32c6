import type { CampaignFacts, ConflictRule, StreamerFacts } from '../generated/prisma/client';
import type { ConflictSeverity } from '../generated/prisma/enums';

/** A campaign as the engine sees it: the stored facts (the evaluator reads no other columns). */
export type Facts = Pick<
  CampaignFacts,
  | 'campaignId'
  | 'brandId'
  | 'status'
  | 'categories'
  | 'effectiveCategories'
  | 'platforms'
  | 'countries'
  | 'startsAt'
  | 'endsAt'
  | 'streamerIds'
>;

export type Rule = ConflictRule;
export type Streamer = Pick<StreamerFacts, 'streamerId' | 'country' | 'averageViewers' | 'categories' | 'platforms'>;

export interface TimeWindow {
  startsAt: Date;
  endsAt: Date;
}

/** One rule broken, and why. */
export interface Violation {
  rule: Rule;
  severity: ConflictSeverity;
  /** The other campaign of a rule between two campaigns; every campaign counted by a frequency cap. */
  otherCampaignIds: string[];
  /** The streamers concerned (shared by both campaigns, capped, or matched by a custom rule). */
  streamerIds: string[];
  /** When it applies: the overlap of both campaigns, or the period where a cap is exceeded. */
  window: TimeWindow | null;
  /** The categories that made it apply (competing categories found on each side). */
  categories: string[];
  /** The platform of an exclusivity. */
  platforms: string[];
  explanation: string;
}

export type Decision = 'ALLOW' | 'WARN' | 'BLOCK';

export interface Evaluation {
  decision: Decision;
  /** The violation that decided (the most restrictive: BLOCK over WARN, then priority); null when allowed. */
  decidedBy: Violation | null;
  /** Every violation, by rule priority, then severity, rule name, other campaign and streamer. */
  violations: Violation[];
}

export interface EvaluationInput {
  subject: Facts;
  /** Any superset of the campaigns that matter: the evaluator filters status, window and brand itself. */
  others: readonly Facts[];
  rules: readonly Rule[];
  /** Facts of the streamers concerned, by id; a streamer without facts still has `streamer.id`. */
  streamers: ReadonlyMap<string, Streamer>;
  /**
   * Evaluates this streamer's participation (as if booked) instead of the whole campaign: only the
   * rules about a streamer apply (TIME_OVERLAP, FREQUENCY_CAP, CUSTOM rules reading `streamer.*`).
   */
  streamerId?: string | undefined;
}
