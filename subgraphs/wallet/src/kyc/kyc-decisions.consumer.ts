import { KycReviewDecided, createConsumer, on } from '@gametriggers/events';
import type { ConsumerOptions } from '@gametriggers/events';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';

/**
 * The wallet's event consumer (queue `wallet`): keeps its own copy of each subject's latest KYC
 * decision, which withdrawals require. Each event is handled once (the inbox); an older decision
 * arriving late changes nothing.
 */
export function createKycDecisionsConsumer(db: Db): ConsumerOptions {
  return createConsumer({
    consumer: 'wallet',
    db,
    handlers: [
      on(KycReviewDecided, async (tx: Prisma.TransactionClient, data) => {
        await tx.$executeRaw`
          INSERT INTO "KycDecision" ("subjectType", "subjectId", "caseId", "status", "decidedAt", "expiresAt", "updatedAt")
          VALUES (${data.subjectType}, ${data.subjectId}::uuid, ${data.caseId}::uuid, ${data.status},
                  ${data.decidedAt}::timestamptz AT TIME ZONE 'UTC', ${data.expiresAt}::timestamptz AT TIME ZONE 'UTC', now())
          ON CONFLICT ("subjectType", "subjectId") DO UPDATE
            SET "caseId" = EXCLUDED."caseId", "status" = EXCLUDED."status", "decidedAt" = EXCLUDED."decidedAt",
                "expiresAt" = EXCLUDED."expiresAt", "updatedAt" = now()
          WHERE "KycDecision"."decidedAt" <= EXCLUDED."decidedAt"`;
      }),
    ],
  });
}
