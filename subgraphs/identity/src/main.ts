import { runStandalone } from '@gametriggers/federation/standalone';
import { identitySubgraph } from './index';

await runStandalone(identitySubgraph);
