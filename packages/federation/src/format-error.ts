import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';

interface PrismaLikeError {
  code?: string;
  meta?: { target?: unknown; modelName?: string; driverAdapterError?: { cause?: { originalCode?: string } } };
}

/**
 * Turns whatever a resolver threw into an error a client can act on:
 * our own errors pass with their code, known database conflicts get one,
 * anything unexpected is logged and masked.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error) as (Error & { extensions?: Record<string, unknown> }) | undefined;
    const prismaCode = (original as PrismaLikeError | undefined)?.code;
    if (prismaCode === 'P2002') {
      const target = (original as PrismaLikeError).meta?.target;
      const field = Array.isArray(target) ? target.join(',') : undefined;
      return { ...formatted, message: `A record with this ${field ?? 'value'} already exists`, extensions: { code: 'CONFLICT', field } };
    }
    if (prismaCode === 'P2007' && (original as PrismaLikeError).meta?.driverAdapterError?.cause?.originalCode === '22P02') {
      // PostgreSQL refused a value for its column type, in practice an id that is not a UUID.
      return { ...formatted, message: 'An argument is not valid for its type (ids are UUIDs)', extensions: { code: 'BAD_USER_INPUT' } };
    }
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original ?? error, path: formatted.path }, 'unexpected resolver error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
