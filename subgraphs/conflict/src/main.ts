import { runStandalone } from '@gametriggers/federation/standalone';
import { conflictSubgraph } from './index';

await runStandalone(conflictSubgraph);
