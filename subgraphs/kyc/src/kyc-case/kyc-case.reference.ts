import type { Context } from '../context';
import { toKycCase } from './to-kyc-case';

/** Resolves `KycCase` entities for the router: one query for every case in a request. */
export async function resolveKycCaseReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.kycCase.load(reference.id);
  return row ? toKycCase(row) : null;
}
