import { GraphQLError } from 'graphql';

/**
 * The wallet's own error code, beside the shared ones of @gametriggers/federation:
 * INSUFFICIENT_FUNDS: the account to debit holds less than the amount; nothing was written.
 */
export class InsufficientFundsError extends GraphQLError {
  constructor(field: string, message = 'The balance is lower than the amount') {
    super(message, { extensions: { code: 'INSUFFICIENT_FUNDS', field } });
  }
}
