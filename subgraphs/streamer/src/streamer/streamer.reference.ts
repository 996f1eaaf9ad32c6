import type { Context } from '../context';
import { toStreamer } from './to-streamer';

/** Resolves `Streamer` entities for the router: one query (with platforms) for every streamer in a request. */
export async function resolveStreamerReference(reference: { id: string }, ctx: Context) {
  const row = await ctx.loaders.streamer.load(reference.id);
  return row ? toStreamer(row) : null;
}
