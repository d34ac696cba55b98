import { defineConfig } from 'vitest/config';

const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  test: {
    ...(jsonReport ? { reporters: ['default', 'json'], outputFile: { json: jsonReport } } : {}),
    name: 'e2e',
    include: ['journeys/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // one server and one browser for the whole run; journeys share them, each in its own context
    fileParallelism: false,
    globalSetup: ['support/global-setup.ts'],
  },
});
