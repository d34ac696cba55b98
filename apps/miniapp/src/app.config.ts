// Tab pages live in the main package; every other domain is a subpackage (see CONVENTIONS.md).
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index'],
  subPackages: [
    {
      // Profile and address book: opened from 我的, never on the first screen.
      root: 'packages/account',
      pages: ['pages/profile/index', 'pages/addresses/index', 'pages/address-edit/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#e4393c',
    navigationBarTitleText: '商城',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#999999',
    selectedColor: '#e4393c',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab-home.png',
        selectedIconPath: 'assets/tab-home-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab-mine.png',
        selectedIconPath: 'assets/tab-mine-active.png',
      },
    ],
  },
});
