export * from './databases';
export * from './graphql-client';
export * from './subgraphs';
export * from './ws-client';
export * from './internal-auth';
export * from './access-tokens';
