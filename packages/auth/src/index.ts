export * from './viewer';
export * from './access-token';
export * from './internal-token';
