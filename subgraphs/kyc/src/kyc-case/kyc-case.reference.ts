import type { Context } from '../context';
import { ownsSubject } from './kyc-access';
import { toKycCase } from './to-kyc-case';

/** Resolves `KycCase` entities for the router: one query for every case in a request; null for a case the viewer may not see. */
export async function resolveKycCaseReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.kycCase.load(reference.id);
  return row && (ctx.viewer.kind === 'ADMIN' || ownsSubject(ctx.viewer, row)) ? toKycCase(row) : null;
}
