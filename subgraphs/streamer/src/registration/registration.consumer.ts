import { RegistrationRequested, createConsumer, on } from '@gametriggers/events';
import type { ConsumerOptions } from '@gametriggers/events';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { registerStreamer } from './register-streamer';

/**
 * The streamer subgraph's event consumer (queue `streamer`): creates the streamers of streamer registrations.
 * Each event is handled once (the inbox) in one transaction with the streamer and the answer to identity.
 */
export function createRegistrationConsumer(db: Db): ConsumerOptions {
  return createConsumer({
    consumer: 'streamer',
    db,
    handlers: [
      on(RegistrationRequested, async (tx: Prisma.TransactionClient, data) => {
        await registerStreamer(tx, data);
      }),
    ],
  });
}
