import { ANONYMOUS, accessRule, isAllowed, isOwner, isSignedIn } from '@gametriggers/auth';
import type { AccessRule, Owner, Viewer, ViewerContext } from '@gametriggers/auth';
import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from './errors';

export type { Owner, ViewerContext } from '@gametriggers/auth';
export { isOwner, isSignedIn, hasScope } from '@gametriggers/auth';

// Parsed once per distinct @Authorized(...) list: the roles array of a field is the same object on every call.
const rules = new WeakMap<readonly string[], AccessRule>();

/**
 * type-graphql's authChecker for every subgraph (the default of buildFederatedSchema):
 * `@Authorized()` any signed-in viewer, `@Authorized('BRAND')` / `@Authorized('STREAMER', 'ADMIN')`
 * one of those kinds, `@Authorized('scope:wallet:read')` a viewer holding that scope (kinds: any of
 * them; scopes: all of them). Anonymous viewers get UNAUTHENTICATED, others not allowed FORBIDDEN.
 */
export const viewerAuthChecker: AuthChecker<Partial<ViewerContext>> = ({ context }, roles) => {
  let rule = rules.get(roles);
  if (!rule) {
    rule = accessRule(roles);
    rules.set(roles, rule);
  }
  const viewer = context.viewer ?? ANONYMOUS;
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
  if (!isAllowed(viewer, rule)) throw new ForbiddenError();
  return true;
};

export interface AssertOwnerOptions {
  /** Admins may act on anyone's records. Default true. */
  allowAdmin?: boolean;
}

/**
 * For resolvers: throws UNAUTHENTICATED for an anonymous viewer and FORBIDDEN unless the viewer
 * owns the record (see isOwner) or, unless told otherwise, is an admin.
 * `assertOwner(context.viewer, { brandId: campaign.brandId })`.
 */
export function assertOwner(viewer: Viewer | undefined, owner: Owner, options: AssertOwnerOptions = {}): void {
  if (!isSignedIn(viewer)) throw new UnauthenticatedError();
  if (viewer.kind === 'ADMIN' && (options.allowAdmin ?? true)) return;
  if (!isOwner(viewer, owner)) throw new ForbiddenError();
}

/** The context's viewer, anonymous when the request carried none. */
export const viewerOf = (context: Partial<ViewerContext> | undefined): Viewer => context?.viewer ?? ANONYMOUS;
