import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const platform = process.env.TARO_ENV ?? 'h5';

// H5 is served by the API server itself (same origin); mini-programs need an absolute origin.
const apiBase = process.env.TARO_APP_API_BASE ?? (platform === 'h5' ? '' : 'http://localhost:3000');

// @minimall/contracts ships TypeScript source; webpack follows the workspace symlink to this
// real path, which is outside src/, so babel must be told to compile it. zod is compiled too
// because it ships ES2020+ syntax and our browserslist reaches back to iOS 10 / Android 5.
const compileInclude = [
  path.resolve(__dirname, '../../../packages/contracts/src'),
  (filename: string) => /[\\/]node_modules[\\/]zod[\\/]/.test(filename),
];

// npm nests this plugin under apps/miniapp/node_modules (not hoisted), but Taro's H5 api-loader
// injects imports of it into @tarojs/taro-h5, which lives in the root node_modules.
const frameworkReactDir = path.dirname(require.resolve('@tarojs/plugin-framework-react/package.json'));
// Likewise @tarojs/router sits under @tarojs/taro-h5/node_modules, where the H5 platform plugin
// cannot find it (it then aliases the bare name, which fails to resolve from src/).
const routerDir = path.dirname(
  require.resolve('@tarojs/router/package.json', {
    paths: [path.dirname(require.resolve('@tarojs/taro-h5/package.json'))],
  }),
);

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'minimall',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
    },
    alias: {
      '@tarojs/plugin-framework-react': frameworkReactDir,
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: compileInclude },
      // Styles are BEM-scoped per component, so the order shared chunks put them in is irrelevant.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Served at the site root. No `basename: '/'`: Taro 4.2's router hands it to universal-router
      // as baseUrl, which then matches '//pages/...' and renders no page at all.
      router: { mode: 'browser' },
      compile: { include: compileInclude },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // Runs after the platform plugin's own chain changes, so this alias wins.
        chain.resolve.alias.set('@tarojs/router$', routerDir);
        // Taro splits only initial chunks, so every lazily loaded page chunk carried its own copy
        // of the component library and zod (~65 KiB brotli each); share them between pages too.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
