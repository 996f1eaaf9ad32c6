import type { Context } from '../context';
import { toAccountSession } from './to-account-session';

/** Resolves `AccountSession` entities for the router: only the viewer's own sessions. */
export async function resolveAccountSessionReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.session.load(reference.id);
  if (!row || !ctx.viewer.accountId || row.accountId !== ctx.viewer.accountId) return null;
  return toAccountSession(row, ctx.now, ctx.viewer.sessionId);
}
