export { composeSupergraph, CompositionError } from './compose/compose';
export type { SubgraphSource, Supergraph } from './compose/compose';
export { loadSubgraphSources, readSupergraphConfig } from './compose/supergraph-config';
export { startRouter } from './server';
export type { RouterOptions, RunningRouter } from './server';
