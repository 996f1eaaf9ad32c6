import type { EventData, KycReviewDecided } from '@gametriggers/events';
import type { Tx } from '../ledger/post-ledger-transaction';

/** Keeps the latest KYC decision per subject; an older decision arriving late changes nothing. */
export async function applyKycReviewDecided(tx: Tx, data: EventData<typeof KycReviewDecided>): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "KycDecision" ("subjectType", "subjectId", "caseId", "status", "decidedAt", "expiresAt", "updatedAt")
    VALUES (${data.subjectType}, ${data.subjectId}::uuid, ${data.caseId}::uuid, ${data.status},
            ${data.decidedAt}::timestamptz AT TIME ZONE 'UTC', ${data.expiresAt}::timestamptz AT TIME ZONE 'UTC', now())
    ON CONFLICT ("subjectType", "subjectId") DO UPDATE
      SET "caseId" = EXCLUDED."caseId", "status" = EXCLUDED."status", "decidedAt" = EXCLUDED."decidedAt",
          "expiresAt" = EXCLUDED."expiresAt", "updatedAt" = now()
    WHERE "KycDecision"."decidedAt" <= EXCLUDED."decidedAt"`;
}
