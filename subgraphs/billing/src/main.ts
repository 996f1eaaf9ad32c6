import { runStandalone } from '@gametriggers/federation/standalone';
import { billingSubgraph } from './index';

await runStandalone(billingSubgraph);
