import { randomUUID } from 'node:crypto';

export const PASSWORD = 'Correct-Horse-Battery-9';

/** A unique email for one test. */
export const uniqueEmail = (name = 'dana') => `${name}.${randomUUID().slice(0, 8)}@voltage.example`;

/** A valid CreateAccountInput for a brand account; override any field. */
export function accountInput(overrides: Record<string, unknown> = {}) {
  return { kind: 'BRAND', email: uniqueEmail(), password: PASSWORD, brandId: randomUUID(), streamerId: null, ...overrides };
}

export const ACCOUNT_FIELDS = 'id kind email status brandId streamerId emailVerifiedAt lastSignInAt createdAt';
export const SESSION_FIELDS = 'id accountId userAgent ipAddress createdAt lastUsedAt expiresAt revokedAt active';

export const CREATE = `mutation Create($input: CreateAccountInput!) { createAccount(input: $input) { ${ACCOUNT_FIELDS} } }`;
export const SIGN_IN = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) { sessionToken account { ${ACCOUNT_FIELDS} } session { ${SESSION_FIELDS} } }
}`;
export const SET_STATUS = `mutation SetStatus($id: ID!, $status: AccountStatus!) { setAccountStatus(id: $id, status: $status) { id status } }`;
