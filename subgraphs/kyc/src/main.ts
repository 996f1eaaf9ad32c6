import { runStandalone } from '@gametriggers/federation/standalone';
import { kycSubgraph } from './index';

await runStandalone(kycSubgraph);
