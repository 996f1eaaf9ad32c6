/**
 * Rotates the access token signing key:
 *   npm run identity:rotate-key
 * A new ACTIVE key signs from now on (other identity processes pick it up within 30 s); the previous
 * key stays in the JWKS as PASSIVE until every token it signed has expired, then is RETIRED.
 * Needs the subgraph's IDENTITY_ENCRYPTION_KEYS / IDENTITY_ENCRYPTION_KEY_ID (or, in development,
 * its data directory) and DATABASE_URL (see cli-database.ts).
 */
import { createLogger } from '@gametriggers/federation';
import { loadIdentityConfig } from '../config';
import { createIdentitySealer } from '../signing-key/encryption-keys';
import { createSigningKeys } from '../signing-key/signing-keys';
import { cliDatabase } from './cli-database';

const logger = createLogger('identity-rotate-key');
const { db, url } = cliDatabase();
try {
  const config = loadIdentityConfig();
  const sealer = createIdentitySealer(config, logger);
  const keys = createSigningKeys({ db, sealer: () => sealer, logger, replaceUnreadableKey: false });
  const previous = await db.signingKey.findFirst({ where: { status: 'ACTIVE' } });
  const created = await keys.rotate();
  console.log(`${url}: new ACTIVE signing key ${created.kid}${previous ? `, ${previous.kid} is now PASSIVE` : ''}`);
  await db.$disconnect();
  process.exit(0);
} catch (error) {
  console.error(`not rotated: ${(error as Error).message}`);
  await db.$disconnect();
  process.exit(1);
}
