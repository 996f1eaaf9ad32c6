export * from './define-job';
export * from './job-runner';
export * from './schedule-job';
