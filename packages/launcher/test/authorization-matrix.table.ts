/**
 * The authorization matrix: every sensitive field and mutation of the graph, and what each of six
 * viewers gets (the model and roles in authorization-matrix.model.ts, the rows by subgraph beside it).
 * `authorization-matrix.e2e.test.ts` runs one case per cell through the router of a real stack.
 */
import type { MatrixRow } from './authorization-matrix.model';
import { CAMPAIGN_ROWS } from './authorization-matrix.rows-campaign';
import { OTHERS_ROWS } from './authorization-matrix.rows-others';
import { PROFILES_ROWS } from './authorization-matrix.rows-profiles';
import { WALLET_ROWS } from './authorization-matrix.rows-wallet';

export * from './authorization-matrix.model';

export const MATRIX: MatrixRow[] = [...PROFILES_ROWS, ...CAMPAIGN_ROWS, ...WALLET_ROWS, ...OTHERS_ROWS];
