import { RegistrationRequested, createConsumer, on } from '@gametriggers/events';
import type { ConsumerOptions } from '@gametriggers/events';
import type { Db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { registerBrand } from './register-brand';

/**
 * The brand subgraph's event consumer (queue `brand`): creates the brands of brand registrations.
 * Each event is handled once (the inbox) in one transaction with the brand and the answer to identity.
 */
export function createRegistrationConsumer(db: Db): ConsumerOptions {
  return createConsumer({
    consumer: 'brand',
    db,
    handlers: [
      on(RegistrationRequested, async (tx: Prisma.TransactionClient, data) => {
        await registerBrand(tx, data);
      }),
    ],
  });
}
