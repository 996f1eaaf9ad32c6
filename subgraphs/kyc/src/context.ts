import { createByIdLoader, createGroupLoader, isUuid } from '@gametriggers/federation';
import type { SubgraphDependencies } from '@gametriggers/federation';
import { ANONYMOUS } from '@gametriggers/auth';
import type { Viewer } from '@gametriggers/auth';
import type { Db } from './db';
import type { KycSubjectType } from './generated/prisma/client';

export function createContext(db: Db, deps: SubgraphDependencies) {
  /** Every case of many subjects of one type, newest first: one query per type and request. */
  const casesOf = (subjectType: KycSubjectType) =>
    createGroupLoader(
      (subjectIds: string[]) =>
        db.kycCase.findMany({ where: { subjectType, subjectId: { in: subjectIds.filter(isUuid) } }, orderBy: { id: 'desc' } }),
      (row) => row.subjectId,
    );
  return {
    db,
    logger: deps.logger,
    /** Who is asking (the router's internal token); anonymous when the request carried none. */
    viewer: ANONYMOUS as Viewer,
    loaders: {
      kycCase: createByIdLoader((ids) => db.kycCase.findMany({ where: { id: { in: ids } } })),
      kycCaseEvents: createGroupLoader(
        (caseIds: string[]) => db.kycCaseEvent.findMany({ where: { caseId: { in: caseIds } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
        (row) => row.caseId,
      ),
      streamerCases: casesOf('STREAMER'),
      brandCases: casesOf('BRAND'),
    },
  };
}

export type Context = ReturnType<typeof createContext>;
