// Stand-in for @tarojs/taro in unit tests: just the APIs the storefront touches. Tests that
// exercise the network spy on `request`; anything else calling it fails loudly.
const Taro = {
  request(_options: Record<string, unknown>): Promise<unknown> & { abort(): void } {
    throw new Error('Taro.request is not mocked in this test');
  },
  setNavigationBarTitle(_options: { title: string }): Promise<{ errMsg: string }> {
    return Promise.resolve({ errMsg: 'setNavigationBarTitle:ok' });
  },
};

export default Taro;
