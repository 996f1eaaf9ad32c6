import { pageQuery, paginate } from '@gametriggers/federation';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import type { KycCasesArgs } from './kyc-case.inputs';
import { KycStatus } from './kyc-enums';

/** The filter for a status as clients see it: an approval past its expiry counts as EXPIRED. */
function statusWhere(status: KycStatus, now: Date): Prisma.KycCaseWhereInput {
  if (status === KycStatus.EXPIRED) {
    return { OR: [{ status: KycStatus.EXPIRED }, { status: KycStatus.APPROVED, expiresAt: { lte: now } }] };
  }
  if (status === KycStatus.APPROVED) return { status, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  return { status };
}

/** A page of cases, newest first. */
export function listKycCases(db: Db, args: KycCasesArgs) {
  const where: Prisma.KycCaseWhereInput = {
    ...(args.status ? statusWhere(args.status, new Date()) : {}),
    ...(args.subjectType ? { subjectType: args.subjectType } : {}),
  };
  return paginate(args, (window) => db.kycCase.findMany({ ...pageQuery(window), where }));
}
