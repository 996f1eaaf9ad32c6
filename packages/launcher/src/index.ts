export { startStack } from './stack';
export type { RunningStack, StackOptions } from './stack';
export { allSubgraphs } from './subgraphs';
