import type { IncomingMessage } from 'node:http';
import { JWKS_PATH, createAccessTokenVerifier } from '@gametriggers/auth';
import type { InternalAuth } from '@gametriggers/auth';
import type express from 'express';
import type { Logger } from 'pino';
import { createRouterContext, pickForwardedHeaders } from '../context';
import type { RouterContext } from '../context';
import { AuthenticationRefused, authenticate } from './authenticate';
import { clientAddress } from './client-address';

export interface AccessTokenOptions {
  /** Identity's JWKS (JWKS_URL). Default: the identity subgraph's URL with `/graphql` replaced by JWKS_PATH. */
  jwksUrl?: string | undefined;
  /** Expected `iss` (AUTH_ISSUER). Default DEFAULT_ISSUER. */
  issuer?: string | undefined;
  /** Default 5 s. */
  clockToleranceSeconds?: number;
  /** Default 10 minutes. */
  jwksCacheMaxAgeMs?: number;
  /** Minimum time between two JWKS fetches caused by unknown `kid`s. Default 30 s. */
  jwksCooldownMs?: number;
}

export interface RouterAuthOptions {
  accessTokens: AccessTokenOptions;
  internalAuth: InternalAuth;
  /** Proxies in front that append to X-Forwarded-For (0: the TCP peer is the client). */
  trustedProxies: number;
  /** Subgraph name -> URL as routed (identity's gives the default JWKS URL). */
  subgraphUrls: () => Record<string, string>;
  logger: Logger;
  /** Called for each refused request or connection (metrics). */
  onRefused?: (transport: 'http' | 'websocket', status: number) => void;
}

export interface RouterAuth {
  /** Identity's JWKS document. */
  jwksUrl: () => string;
  /** The client's address (see clientAddress and TRUST_PROXY). */
  clientAddress: (request: IncomingMessage) => string | undefined;
  /** Express middleware for /graphql: refuses a bad token whole (401/503), else leaves the viewer for `httpContext`. */
  httpAuthentication: express.RequestHandler;
  /** The context of an authenticated HTTP request. */
  httpContext: (req: express.Request, res: express.Response) => RouterContext;
  /** The context of a WebSocket connection, from its `authorization` connection param; throws AuthenticationRefused. */
  connect: (
    params: Record<string, unknown> | undefined,
    request: IncomingMessage,
  ) => Promise<{ context: RouterContext; expiresAt?: number }>;
}

/** How the router learns who a client is, over HTTP and WebSocket alike. */
export function createRouterAuth(options: RouterAuthOptions): RouterAuth {
  const tokens = options.accessTokens;
  const jwksUrl = () => {
    if (tokens.jwksUrl) return tokens.jwksUrl;
    const identity = options.subgraphUrls()['identity'];
    if (!identity) throw new Error('no JWKS_URL and no identity subgraph to take the keys from');
    return identity.replace(/\/graphql\/?$/, '') + JWKS_PATH;
  };
  const verifier = createAccessTokenVerifier({
    jwksUrl,
    issuer: tokens.issuer,
    ...(tokens.clockToleranceSeconds !== undefined ? { clockToleranceSeconds: tokens.clockToleranceSeconds } : {}),
    ...(tokens.jwksCacheMaxAgeMs !== undefined ? { jwksCacheMaxAgeMs: tokens.jwksCacheMaxAgeMs } : {}),
    ...(tokens.jwksCooldownMs !== undefined ? { jwksCooldownMs: tokens.jwksCooldownMs } : {}),
  });
  const addressOf = (request: IncomingMessage) =>
    clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], options.trustedProxies);

  return {
    jwksUrl,
    clientAddress: addressOf,
    httpAuthentication: async (req, res, next) => {
      try {
        res.locals['viewer'] = (await authenticate(verifier, req.headers.authorization, options.logger)).viewer;
        next();
      } catch (error) {
        if (!(error instanceof AuthenticationRefused)) return next(error);
        options.onRefused?.('http', error.status);
        if (error.challenge) res.set('www-authenticate', error.challenge);
        res.status(error.status).json(error.body);
      }
    },
    httpContext: (req, res) =>
      createRouterContext(options.internalAuth, {
        viewer: res.locals['viewer'],
        clientAddress: addressOf(req),
        // Where the client reached us: subgraphs build public links (overlay, uploads) on this origin.
        headers: { ...pickForwardedHeaders(req.headers), 'x-forwarded-host': req.headers.host ?? '', 'x-forwarded-proto': req.protocol },
      }),
    connect: async (params, request) => {
      const authorization = params?.['authorization'];
      try {
        const { viewer, expiresAt } = await authenticate(
          verifier,
          typeof authorization === 'string' ? authorization : undefined,
          options.logger,
        );
        const context = createRouterContext(options.internalAuth, {
          viewer,
          clientAddress: addressOf(request),
          // The upgrade request's (user-agent), then what the connection params say.
          headers: { ...pickForwardedHeaders(request.headers), ...pickForwardedHeaders(params) },
        });
        return { context, ...(expiresAt ? { expiresAt } : {}) };
      } catch (error) {
        if (error instanceof AuthenticationRefused) options.onRefused?.('websocket', error.status);
        throw error;
      }
    },
  };
}
