import { defineConfig } from 'vitest/config';

// CI asks for a machine-readable summary so .ci/run can total every suite.
const jsonReport = process.env.VITEST_JSON_REPORT;

// One `vitest run` covers every workspace; each project has its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/contracts', 'apps/server', 'apps/miniapp', 'apps/admin'],
    // two cores here: more forks only thrash (PGlite and jsdom are memory- and CPU-heavy)
    maxWorkers: 2,
    ...(jsonReport ? { reporters: ['default', 'json'], outputFile: { json: jsonReport } } : {}),
  },
});
