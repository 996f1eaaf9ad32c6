import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const BROKER_OUTAGE = 'packages/events/test/broker-outage.test.ts';
/** Files that start a whole stack (nine subgraphs and a router, or `npm start`, or the web app). */
const STACKS = '**/*.e2e.test.ts';

export default defineConfig({
  // type-graphql needs legacy decorators with their type metadata.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  resolve: {
    // One graphql module for everyone, or "Cannot use GraphQLSchema from another module or realm".
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    globalSetup: ['packages/testkit/src/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CI also writes a JSON report, from which .ci/run prints the closing 'N passed, N failed' line.
    reporters: process.env['CI'] ? ['default', 'json'] : ['default'],
    outputFile: { json: '.ci/test-results.json' },
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: [
            'packages/**/*.test.ts',
            'prisma/**/*.test.ts',
            'subgraphs/**/*.test.ts',
            'router/**/*.test.ts',
            'web/test/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', BROKER_OUTAGE, STACKS],
          sequence: { groupOrder: 0 },
        },
      },
      // One whole stack at a time: two would need more PostgreSQL connections than a default server allows (100).
      {
        extends: true,
        test: {
          name: 'stacks',
          include: ['packages/**/' + STACKS, 'web/test/' + STACKS],
          exclude: ['**/node_modules/**'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      // Restarts the shared RabbitMQ: only once every other test file has finished.
      { extends: true, test: { name: 'broker-outage', include: [BROKER_OUTAGE], sequence: { groupOrder: 2 } } },
    ],
  },
});
