export * from './viewer';
export * from './access-token';
export * from './access-token-verifier';
export * from './authorization';
export * from './internal-token';
export * from './internal-secret';
export * from './sealed';
