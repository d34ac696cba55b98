import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Build-time switches Taro's webpack plugins normally define; its runtime and components read them.
const taroRuntimeFlags = Object.fromEntries(
  [
    'ENABLE_INNER_HTML',
    'ENABLE_ADJACENT_HTML',
    'ENABLE_SIZE_APIS',
    'ENABLE_TEMPLATE_CONTENT',
    'ENABLE_CLONE_NODE',
    'ENABLE_CONTAINS',
    'ENABLE_MUTATION_OBSERVER',
    'DEPRECATED_ADAPTER_COMPONENT',
  ].map((flag) => [flag, 'false']),
);

export default defineProject({
  esbuild: { jsx: 'automatic' },
  define: taroRuntimeFlags,
  resolve: {
    alias: [
      // Taro's React bindings for its web components: the same markup the H5 build renders.
      { find: /^@tarojs\/components$/, replacement: '@tarojs/components/lib/react' },
      { find: /^@tarojs\/taro$/, replacement: here('./test/taro-mock.ts') },
    ],
  },
  test: {
    name: 'miniapp',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
    css: false,
    // What the H5 build bakes in: same-origin API.
    env: { TARO_APP_API_BASE: '' },
    // @tarojs packages ship ESM in .js files without "type": "module": let Vite transform them.
    server: { deps: { inline: [/@tarojs\//] } },
  },
});
