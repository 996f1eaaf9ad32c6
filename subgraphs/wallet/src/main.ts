import { runStandalone } from '@gametriggers/federation/standalone';
import { walletSubgraph } from './index';

await runStandalone(walletSubgraph);
