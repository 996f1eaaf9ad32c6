import { runStandalone } from '@gametriggers/federation/standalone';
import { brandSubgraph } from './index';

await runStandalone(brandSubgraph);
