import { GraphQLError } from 'graphql';

/**
 * The wallet's own error codes, beside the shared ones of @gametriggers/federation (BAD_USER_INPUT,
 * NOT_FOUND, CONFLICT, UNAUTHENTICATED, FORBIDDEN). Whenever one is raised, nothing was written.
 */
export const WALLET_ERROR_CODES = {
  INSUFFICIENT_FUNDS: 'The account to debit holds less than the amount.',
  BALANCE_CONDITION_FAILED: 'A balance condition of the request did not hold when the money would have moved; `field` names it.',
  WITHDRAWAL_LIMIT_EXCEEDED: 'The withdrawal exceeds a limit of its currency; `limit` says which (PER_TRANSACTION, PER_DAY, PER_MONTH).',
  KYC_REQUIRED: 'The streamer has no approved, unexpired identity check (KYC).',
  INVALID_STATE: 'The withdrawal is not in a state that allows this; `status` is its current state.',
} as const;

export class InsufficientFundsError extends GraphQLError {
  constructor(field: string, message = 'The balance is lower than the amount') {
    super(message, { extensions: { code: 'INSUFFICIENT_FUNDS', field } });
  }
}

export class BalanceConditionFailedError extends GraphQLError {
  constructor(field: string, message: string) {
    super(message, { extensions: { code: 'BALANCE_CONDITION_FAILED', field } });
  }
}

export type LimitKind = 'PER_TRANSACTION' | 'PER_DAY' | 'PER_MONTH' | 'CURRENCY';

export class WithdrawalLimitError extends GraphQLError {
  constructor(limit: LimitKind, message: string) {
    super(message, { extensions: { code: 'WITHDRAWAL_LIMIT_EXCEEDED', field: 'input.amount', limit } });
  }
}

export class KycRequiredError extends GraphQLError {
  constructor() {
    super('Withdrawals need an approved identity check (KYC)', { extensions: { code: 'KYC_REQUIRED' } });
  }
}

export class InvalidStateError extends GraphQLError {
  constructor(message: string, status: string) {
    super(message, { extensions: { code: 'INVALID_STATE', status } });
  }
}
