import { GraphQLError } from 'graphql';

/**
 * Every `extensions.code` the graph returns, with what it means to a client.
 * One list, so the codes stay few and documented (see README, "Errors").
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'The input failed validation; `extensions.field` names the offending field.',
  NOT_FOUND: 'No entity with that id exists (or it is not visible to the caller).',
  CONFLICT: 'The change conflicts with existing data (e.g. a unique value is taken).',
  UNAUTHENTICATED: 'No valid credentials were presented.',
  FORBIDDEN: 'The caller may not see or do this.',
  RATE_LIMITED: 'Too many attempts; `extensions.retryAfterSeconds` says when to try again.',
  CHECK_PENDING: "The conflict engine has not checked this streamer's application yet; it can be accepted once it has (seconds).",
  FUNDING_REQUIRED: "The campaign's budget is not (yet) reserved in its brand's wallet; `extensions.fundingStatus` says where it stands.",
  INTERNAL_SERVER_ERROR: 'Something failed on our side; the message is masked, the log has the cause.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Base of every error we raise on purpose: a literal code, and a message safe to show. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class BadUserInputError extends AppError {
  constructor(field: string, message: string) {
    super('BAD_USER_INPUT', message, { field });
  }
}

export class NotFoundError extends AppError {
  constructor(typename: string, id: string) {
    super('NOT_FOUND', `${typename} ${id} was not found`, { typename, id });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, field?: string) {
    super('CONFLICT', message, field ? { field } : {});
  }
}

/** Accepting an application the conflict engine has not checked yet. */
export class CheckPendingError extends AppError {
  constructor(message: string, field: string) {
    super('CHECK_PENDING', message, { field });
  }
}

/** An approval that needs the campaign's budget held in the brand's wallet first. */
export class FundingRequiredError extends AppError {
  constructor(message: string, fundingStatus: string) {
    super('FUNDING_REQUIRED', message, { fundingStatus });
  }
}

export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message, { retryAfterSeconds });
  }
}

/** No valid credentials: the viewer is anonymous where a signed-in one is required. */
export class UnauthenticatedError extends AppError {
  constructor(message = 'You must be signed in to do this') {
    super('UNAUTHENTICATED', message);
  }
}

/** A signed-in viewer who may not do this; the message names nothing about the record. */
export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}
