import type { Viewer, ViewerKind } from './viewer';

/** A kind a rule may name (`@Authorized('BRAND')`); ANONYMOUS is never allowed by a rule. */
const RULE_KINDS: readonly ViewerKind[] = ['BRAND', 'STREAMER', 'ADMIN', 'SERVICE'];
/** `@Authorized('scope:wallet:read')` requires the scope `wallet:read`. */
export const SCOPE_PREFIX = 'scope:';

export interface AccessRule {
  /** The viewer's kind must be one of these; empty = any signed-in kind. */
  kinds: ViewerKind[];
  /** The viewer must hold every one of these scopes. */
  scopes: string[];
}

/**
 * Reads the roles of `@Authorized(...)`: kinds (any of them) and `scope:<name>` entries (all of
 * them). A misspelt role is a programming error: it throws rather than allowing or denying quietly.
 */
export function accessRule(roles: readonly string[]): AccessRule {
  const rule: AccessRule = { kinds: [], scopes: [] };
  for (const role of roles) {
    if (role.startsWith(SCOPE_PREFIX) && role.length > SCOPE_PREFIX.length) rule.scopes.push(role.slice(SCOPE_PREFIX.length));
    else if (RULE_KINDS.includes(role as ViewerKind)) rule.kinds.push(role as ViewerKind);
    else throw new Error(`Unknown role "${role}" in @Authorized: use ${RULE_KINDS.join(', ')} or ${SCOPE_PREFIX}<name>`);
  }
  return rule;
}

export const isSignedIn = (viewer: Viewer | undefined): viewer is Viewer => !!viewer && viewer.kind !== 'ANONYMOUS';

export const hasScope = (viewer: Viewer | undefined, scope: string): boolean => !!viewer?.scopes.includes(scope);

/** Whether a signed-in viewer passes the rule (anonymous viewers pass none). */
export function isAllowed(viewer: Viewer | undefined, rule: AccessRule): boolean {
  if (!isSignedIn(viewer)) return false;
  if (rule.kinds.length > 0 && !rule.kinds.includes(viewer.kind)) return false;
  return rule.scopes.every((scope) => viewer.scopes.includes(scope));
}

/** Who owns a record, by whichever id the record carries. */
export type Owner = { brandId: string } | { streamerId: string } | { accountId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are equal as given, or as UUIDs whatever their letter case (PostgreSQL prints them lower case). */
const sameId = (a: string | undefined, b: string): boolean =>
  !!a && !!b && (a === b || (UUID.test(a) && UUID.test(b) && a.toLowerCase() === b.toLowerCase()));

/**
 * Whether the viewer is the owner: the brand's own account for `brandId`, the streamer's for
 * `streamerId`, the account itself for `accountId`. Admins are not owners (see assertOwner).
 */
export function isOwner(viewer: Viewer | undefined, owner: Owner): boolean {
  if (!isSignedIn(viewer)) return false;
  if ('brandId' in owner) return viewer.kind === 'BRAND' && sameId(viewer.entityId, owner.brandId);
  if ('streamerId' in owner) return viewer.kind === 'STREAMER' && sameId(viewer.entityId, owner.streamerId);
  return sameId(viewer.accountId, owner.accountId);
}
