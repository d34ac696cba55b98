import { defineConfig } from 'vitest/config';

// One `vitest run` covers every workspace; each project has its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ['packages/contracts', 'apps/server', 'apps/miniapp', 'apps/admin'],
    // two cores here: more forks only thrash (PGlite and jsdom are memory- and CPU-heavy)
    maxWorkers: 2,
  },
});
