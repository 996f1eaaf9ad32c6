import type { Context } from '../context';
import { toBrand } from './to-brand';

/** Resolves `Brand` entities for the router: one query for every brand in a request. */
export async function resolveBrandReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.brand.load(reference.id);
  return row ? toBrand(row) : null;
}
