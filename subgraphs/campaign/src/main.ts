import { runStandalone } from '@gametriggers/federation/standalone';
import { campaignSubgraph } from './index';

await runStandalone(campaignSubgraph);
