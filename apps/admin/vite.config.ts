import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Vendor groups get their own long-lived chunks; echarts is only fetched when a chart mounts.
const vendorChunks: Array<[chunk: string, pattern: RegExp]> = [
  ['react', /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/],
  ['echarts', /[\\/]node_modules[\\/](echarts|zrender|tslib)[\\/]|[\\/]src[\\/]components[\\/]echarts\.ts$/],
  ['zod', /[\\/]node_modules[\\/]zod[\\/]/],
];

function chunkFor(id: string): string | undefined {
  for (const [chunk, pattern] of vendorChunks) if (pattern.test(id)) return chunk;
  // What remains of node_modules is antd and its rc-component/css-in-js helpers.
  if (/[\\/]node_modules[\\/]/.test(id)) return 'antd';
  return undefined;
}

/** Lazy pages are all index.tsx; name their chunks after the page folder instead. */
function pageChunkName(moduleId: string | null): string | undefined {
  const page = moduleId?.match(/[\\/]src[\\/]pages[\\/]([^\\/]+)[\\/]index\.tsx$/)?.[1];
  return page ? `page-${page}` : undefined;
}

export default defineConfig({
  root,
  base: '/admin/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // antd's "use client" directives and zod's misplaced pure annotations are harmless in a client bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: (chunk) => `assets/${pageChunkName(chunk.facadeModuleId) ?? '[name]'}-[hash].js`,
        assetFileNames: 'assets/[name]-[hash][extname]',
        manualChunks: chunkFor,
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/readyz': 'http://localhost:3000',
    },
  },
});
