export * from './database';
export * from './embedded';
export * from './migrate';
export { withSchemaEngine } from './engine';
export { demoIds, demoStreamerFacts } from './demo';
