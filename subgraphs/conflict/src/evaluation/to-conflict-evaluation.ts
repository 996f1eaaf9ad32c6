import type { Platform } from '@gametriggers/federation';
import { toConflictRule } from '../conflict-rule/to-conflict-rule';
import type { CampaignEvaluation } from '../engine/evaluate-campaigns';
import type { Violation } from '../engine/engine-types';
import { ConflictDecision } from './evaluation.type';
import type { ConflictEvaluation, ConflictViolation } from './evaluation.type';

export function toConflictViolation(violation: Violation): ConflictViolation {
  const others = violation.otherCampaignIds.map((id) => ({ id }));
  return {
    rule: toConflictRule(violation.rule),
    severity: violation.severity,
    otherCampaign: violation.rule.type === 'FREQUENCY_CAP' ? null : (others[0] ?? null),
    otherCampaigns: others,
    streamers: violation.streamerIds.map((id) => ({ id })),
    window: violation.window,
    categories: violation.categories,
    platforms: violation.platforms as Platform[],
    explanation: violation.explanation,
  };
}

export function toConflictEvaluation(evaluation: CampaignEvaluation): ConflictEvaluation {
  const deciding = evaluation.decidedBy ? toConflictViolation(evaluation.decidedBy) : null;
  return {
    campaign: { id: evaluation.subject.campaignId },
    streamer: evaluation.streamerId ? { id: evaluation.streamerId } : null,
    decision: ConflictDecision[evaluation.decision],
    decidedBy: deciding?.rule ?? null,
    decidingViolation: deciding,
    violations: evaluation.violations.map((violation) =>
      violation === evaluation.decidedBy && deciding ? deciding : toConflictViolation(violation),
    ),
  };
}
