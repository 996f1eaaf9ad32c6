import type { Viewer } from '@gametriggers/auth';
import { testAdmin } from '@gametriggers/testkit';
import { id } from './factories';

export const brandViewer = (brandId: string): Viewer => ({
  kind: 'BRAND',
  accountId: id(),
  entityId: brandId,
  sessionId: id(),
  scopes: [],
});
export const streamerViewer = (streamerId: string): Viewer => ({
  kind: 'STREAMER',
  accountId: id(),
  entityId: streamerId,
  sessionId: id(),
  scopes: [],
});
export const serviceViewer: Viewer = { kind: 'SERVICE', service: 'campaign', scopes: [] };
export const anonymous: Viewer = { kind: 'ANONYMOUS', scopes: [] };
export { testAdmin };
