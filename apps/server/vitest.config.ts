import { defineProject } from 'vitest/config';

// Redis/BullMQ variants of the adapter contract suites run when TEST_REDIS_URL points at a real Redis
// (CI's integration pass); `npm test` runs the embedded variants only, so nothing is ever "skipped".
const exclude = ['**/node_modules/**', ...(process.env.TEST_REDIS_URL ? [] : ['**/*.redis.test.ts'])];

export default defineProject({
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    exclude,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
