import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Vendor groups get their own long-lived chunks; echarts is only fetched when a chart mounts. antd is left to
// rollup: the layout's share lands in the entry, and components only some pages use (tables, date pickers,
// drawers) travel in shared chunks with those pages instead of weighing on the login screen.
const vendorChunks: Array<[chunk: string, pattern: RegExp]> = [
  ['react', /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/],
  ['echarts', /[\\/]node_modules[\\/](echarts|zrender|tslib)[\\/]|[\\/]src[\\/]components[\\/]echarts\.ts$/],
  ['zod', /[\\/]node_modules[\\/]zod[\\/]/],
];

function chunkFor(id: string): string | undefined {
  for (const [chunk, pattern] of vendorChunks) if (pattern.test(id)) return chunk;
  return undefined;
}

/** Lazy pages are all index.tsx; name their chunks after the page folder instead. */
function pageChunkName(moduleId: string | null): string | undefined {
  const page = moduleId?.match(/[\\/]src[\\/]pages[\\/]([^\\/]+)[\\/]index\.tsx$/)?.[1];
  return page ? `page-${page}` : undefined;
}

/** Rollup names a chunk it shares between pages after its first module (often antd's index.js): say what it holds. */
function sharedChunkName(chunk: { name: string; moduleIds: string[] }): string {
  if (vendorChunks.some(([name]) => name === chunk.name)) return chunk.name;
  const vendor = chunk.moduleIds.filter((id) => /[\\/]node_modules[\\/]/.test(id)).length;
  return vendor * 2 > chunk.moduleIds.length ? 'antd-shared' : chunk.name;
}

export default defineConfig({
  root,
  base: '/admin/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The entry is the shell plus antd's core (layout, menu, css-in-js), ~570 kB minified, ~155 kB brotli.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      onwarn(warning, warn) {
        // antd's "use client" directives and zod's misplaced pure annotations are harmless in a client bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: (chunk) => `assets/${pageChunkName(chunk.facadeModuleId) ?? sharedChunkName(chunk)}-[hash].js`,
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
