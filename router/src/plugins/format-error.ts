import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/** Extensions a client may see; everything else (stack traces, exception details) stays in the logs. */
const PUBLIC_EXTENSIONS = new Set(['code', 'field', 'fields', 'serviceName', 'typename', 'id', 'retryAfter']);

/**
 * The router's error policy: subgraph errors keep their code and field and are tagged with the
 * subgraph's name (`serviceName`); internal errors and unreachable subgraphs are masked.
 */
export function createRouterFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const extensions = formatted.extensions ?? {};
    const code = typeof extensions['code'] === 'string' ? extensions['code'] : 'INTERNAL_SERVER_ERROR';
    const serviceName = extensions['serviceName'];
    const safe = Object.fromEntries(Object.entries(extensions).filter(([key]) => PUBLIC_EXTENSIONS.has(key)));
    if (code === 'SUBGRAPH_UNAVAILABLE') logger.warn({ serviceName, cause: extensions['cause'] }, formatted.message);
    if (code === 'INTERNAL_SERVER_ERROR' || code === 'DOWNSTREAM_SERVICE_ERROR') {
      logger.error({ error: formatted }, 'masked error');
      return {
        message: 'Internal server error',
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { ...safe, code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    return { ...formatted, extensions: { ...safe, code } };
  };
}
