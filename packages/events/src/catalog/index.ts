/** Every event type of the graph, declared once: producers write them, consumers bind to them. */
export * from './campaign';
export * from './identity';
export * from './brand';
export * from './streamer';
export * from './kyc';
export * from './wallet';
export * from './conflict';
