import { runStandalone } from '@gametriggers/federation/standalone';
import { analyticsSubgraph } from './index';

await runStandalone(analyticsSubgraph);
