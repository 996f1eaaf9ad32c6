import {
  BrandRegistered,
  BrandRegistrationRejected,
  StreamerRegistered,
  StreamerRegistrationRejected,
  createConsumer,
  on,
} from '@gametriggers/events';
import type { ConsumerOptions } from '@gametriggers/events';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { completeRegistration, failRegistration } from './settle-registration';

type Tx = Prisma.TransactionClient;

/**
 * The identity subgraph's event consumer (queue `identity`): settles registrations with what the
 * brand and streamer subgraphs answer. Each event is handled once (the inbox) in one transaction
 * with its effect; an answer for a registration no longer PENDING changes nothing.
 */
export function createRegistrationConsumer(db: Db): ConsumerOptions {
  return createConsumer({
    consumer: 'identity',
    db,
    handlers: [
      on(BrandRegistered, async (tx: Tx, data) => void (await completeRegistration(tx, 'BRAND', data))),
      on(BrandRegistrationRejected, async (tx: Tx, data) => void (await failRegistration(tx, 'BRAND', data))),
      on(StreamerRegistered, async (tx: Tx, data) => void (await completeRegistration(tx, 'STREAMER', data))),
      on(StreamerRegistrationRejected, async (tx: Tx, data) => void (await failRegistration(tx, 'STREAMER', data))),
    ],
  });
}
