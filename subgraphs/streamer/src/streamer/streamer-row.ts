import type { Prisma } from '../generated/prisma/client';

/** What every read of a streamer loads: the streamer and its platform profiles, in a stable order. */
export const streamerInclude = { platforms: { orderBy: { platform: 'asc' } } } satisfies Prisma.StreamerInclude;

export type StreamerRow = Prisma.StreamerGetPayload<{ include: typeof streamerInclude }>;
