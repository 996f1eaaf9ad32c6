import { readFile } from 'node:fs/promises';
import { createInternalAuth, resolveInternalAuthSecret } from '@gametriggers/auth';
import { createLogger } from '@gametriggers/federation';
import { createPubSub } from '@gametriggers/pubsub';
import { composeSupergraph } from './compose/compose';
import { loadSubgraphSources } from './compose/supergraph-config';
import { loadRouterConfig } from './config';
import { startRouter } from './server';

const logger = createLogger('router');
try {
  const config = loadRouterConfig();
  const internalAuth = createInternalAuth(
    await resolveInternalAuthSecret({
      secret: config.internalAuthSecret,
      production: config.production,
      file: config.internalAuthSecretFile,
    }),
    config.internalAuthPreviousSecret,
  );
  const supergraphSdl = config.supergraphPath
    ? await readFile(config.supergraphPath, 'utf8')
    : composeSupergraph(await loadSubgraphSources(config.supergraphConfig, config.subgraphUrls)).supergraphSdl;
  const pubsub = await createPubSub(config.pubsubUrl);
  const router = await startRouter({
    supergraphSdl,
    subgraphUrls: config.subgraphUrls,
    pubsub,
    logger,
    port: config.port,
    host: config.host,
    internalAuth,
    accessTokens: { jwksUrl: config.jwksUrl, issuer: config.issuer },
    trustedProxies: config.trustedProxies,
  });
  logger.info(`router ready at ${router.url}`);
  const shutdown = async () => {
    await router.stop();
    await pubsub.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  logger.fatal(`router could not start: ${(error as Error).message}`);
  process.exit(1);
}
