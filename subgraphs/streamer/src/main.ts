import { runStandalone } from '@gametriggers/federation/standalone';
import { streamerSubgraph } from './index';

await runStandalone(streamerSubgraph);
