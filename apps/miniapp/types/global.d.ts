/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** Set by the Taro CLI from `--type`. */
    TARO_ENV: 'weapp' | 'alipay' | 'h5' | 'swan' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
    /** API origin baked in at build time ('' = same origin); see config/index.ts. */
    TARO_APP_API_BASE: string;
  }
}
