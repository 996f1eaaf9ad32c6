import { NotFoundError, isUuid } from '@gametriggers/federation';
import type { Prisma } from '../generated/prisma/client';

/**
 * Marks a streamer as changed inside a transaction, failing with NOT_FOUND when there is none.
 * The row lock it takes also serializes concurrent changes to one streamer's platforms.
 */
export async function touchStreamer(tx: Prisma.TransactionClient, streamerId: string): Promise<void> {
  const { count } = isUuid(streamerId)
    ? await tx.streamer.updateMany({ where: { id: streamerId }, data: { updatedAt: new Date() } })
    : { count: 0 };
  if (!count) throw new NotFoundError('Streamer', streamerId);
}
