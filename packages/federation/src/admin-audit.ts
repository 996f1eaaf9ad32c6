import type { ApolloServerPlugin } from '@apollo/server';
import type { Viewer } from '@gametriggers/auth';
import { uuidv7 } from '@gametriggers/events';
import { Kind } from 'graphql';
import type { Logger } from 'pino';

/** One mutation an admin sent: who, what, when, and how it ended. */
export interface AdminAuditEntry {
  accountId: string;
  sessionId: string | null;
  /** The operation's name, or `anonymous`. */
  operation: string;
  /** The mutation's top-level fields (what was asked). */
  fields: string[];
  /** The variables, with anything that looks like a secret replaced. */
  variables: unknown;
  /** `OK`, or the error codes the answer carried. */
  outcome: string;
}

const SECRET = /password|secret|token|key|iban|account.?number|card/i;

/** The variables as stored: values of secret-looking names replaced, and long strings cut. */
export function redactVariables(value: unknown, name = ''): unknown {
  if (SECRET.test(name) && value !== null && value !== undefined) return '[redacted]';
  if (Array.isArray(value)) return value.map((item) => redactVariables(item, name));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactVariables(item, key)]));
  }
  return typeof value === 'string' && value.length > 500 ? `${value.slice(0, 500)}…` : value;
}

/** The SQL that records one entry in the subgraph's own "AdminAuditLog" table (see its migration). */
export const ADMIN_AUDIT_INSERT =
  'INSERT INTO "AdminAuditLog" ("id", "accountId", "sessionId", "operation", "fields", "variables", "outcome") VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::text[], $6::jsonb, $7)';

export const adminAuditValues = (entry: AdminAuditEntry) => [
  uuidv7(),
  entry.accountId,
  entry.sessionId,
  entry.operation,
  entry.fields,
  JSON.stringify(entry.variables ?? {}),
  entry.outcome,
];

/**
 * Records every mutation an admin sends to the subgraph, after it ran, with its outcome: the audit
 * trail of who did what and when. Reads are not recorded. A record that cannot be written is
 * logged at error level (the mutation itself has happened or failed on its own).
 */
export function adminAuditPlugin(record: (entry: AdminAuditEntry) => Promise<void>, logger: Logger): ApolloServerPlugin<object> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ contextValue, operation, operationName, request, response }) => {
        const viewer = (contextValue as { viewer?: Viewer }).viewer;
        if (operation?.operation !== 'mutation' || viewer?.kind !== 'ADMIN' || !viewer.accountId) return;
        const fields = operation.selectionSet.selections.flatMap((selection) =>
          selection.kind === Kind.FIELD ? [selection.name.value] : [],
        );
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        const codes = [...new Set(errors.map((error) => String(error.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR')))];
        const entry: AdminAuditEntry = {
          accountId: viewer.accountId,
          sessionId: viewer.sessionId ?? null,
          operation: operationName ?? 'anonymous',
          fields,
          variables: redactVariables(request.variables ?? {}),
          outcome: codes.length ? codes.join(',') : 'OK',
        };
        await record(entry).catch((error: unknown) => logger.error({ err: error, entry }, 'admin action could not be recorded'));
      },
    }),
  };
}
