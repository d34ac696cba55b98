import type { PropsWithChildren } from 'react';
import Taro, { usePageNotFound } from '@tarojs/taro';
import './app.scss';

const HOME = '/pages/index/index';

// Taro renders each page as `children`; the app shell itself draws nothing.
function App({ children }: PropsWithChildren) {
  // A stale share link or a mistyped H5 URL lands on the home page instead of a blank screen.
  // WeChat requires the redirect to start synchronously inside this callback.
  usePageNotFound(() => {
    void Taro.reLaunch({ url: HOME });
  });
  return children;
}

export default App;
