import { analyticsSubgraph } from '@gametriggers/subgraph-analytics';
import { billingSubgraph } from '@gametriggers/subgraph-billing';
import { brandSubgraph } from '@gametriggers/subgraph-brand';
import { campaignSubgraph } from '@gametriggers/subgraph-campaign';
import { conflictSubgraph } from '@gametriggers/subgraph-conflict';
import type { SubgraphDefinition } from '@gametriggers/federation';
import { identitySubgraph } from '@gametriggers/subgraph-identity';
import { kycSubgraph } from '@gametriggers/subgraph-kyc';
import { streamerSubgraph } from '@gametriggers/subgraph-streamer';
import { walletSubgraph } from '@gametriggers/subgraph-wallet';

/** Every subgraph of the supergraph, in supergraph.yaml order. */
export const allSubgraphs = [
  identitySubgraph,
  brandSubgraph,
  streamerSubgraph,
  campaignSubgraph,
  walletSubgraph,
  kycSubgraph,
  conflictSubgraph,
  billingSubgraph,
  analyticsSubgraph,
] as unknown as SubgraphDefinition[];
