import type { Sealer } from '@gametriggers/auth';
import type { SubgraphDependencies } from '@gametriggers/federation';
import { loadIdentityConfig } from './config';
import type { IdentityConfig } from './config';
import { createOAuthClients } from './oauth/oauth-clients';
import type { OAuthClients } from './oauth/oauth-clients';
import type { Db } from './db';
import { createSignInLimiter } from './rate-limit/sign-in-limiter';
import type { SignInLimiter } from './rate-limit/sign-in-limiter';
import { createIdentitySealer } from './signing-key/encryption-keys';
import { createSigningKeys } from './signing-key/signing-keys';
import type { SigningKeys } from './signing-key/signing-keys';

/** What identity keeps for as long as it runs, beside its database client: config, keys, limiters. */
export interface IdentityServices {
  config: IdentityConfig;
  sealer: () => Promise<Sealer>;
  signingKeys: SigningKeys;
  limiter: SignInLimiter;
  oauth: OAuthClients;
}

// One set per database client, i.e. per running identity subgraph (tests start several per process).
const servicesByDb = new WeakMap<Db, IdentityServices>();

/**
 * The services of the identity subgraph running on `db`, created on first use. They are closed with
 * the database client: the subgraph runner calls `db.$disconnect()` on stop and has no other hook.
 */
export function identityServices(db: Db, deps: Pick<SubgraphDependencies, 'logger' | 'redisUrl'>): IdentityServices {
  let services = servicesByDb.get(db);
  if (services) return services;
  const config = loadIdentityConfig();
  let sealer: Promise<Sealer> | undefined;
  const sealerOnce = () => (sealer ??= createIdentitySealer(config, deps.logger));
  const created: IdentityServices = {
    config,
    sealer: sealerOnce,
    signingKeys: createSigningKeys({ db, sealer: sealerOnce, logger: deps.logger, replaceUnreadableKey: !config.production }),
    limiter: createSignInLimiter({ db, redisUrl: deps.redisUrl, logger: deps.logger }),
    oauth: createOAuthClients(config),
  };
  services = created;
  servicesByDb.set(db, created);
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await created.limiter.close();
    await disconnect();
  };
  return created;
}
