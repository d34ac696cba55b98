import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ApiError } from '@minimall/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authResult, button, customer, routeCalls } from '../../../test/fixtures';
import { api } from '../../api/client';
import { session } from '../../session/session';
import MinePage from './index';

vi.mock('../../api/client', () => ({ api: { call: vi.fn(), logout: vi.fn() } }));
const call = vi.mocked(api.call);
const logout = vi.mocked(api.logout);

describe('我的 page', () => {
  beforeEach(() => {
    call.mockReset();
    logout.mockReset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('signed out: shows a placeholder avatar and 登录/注册 that opens the login sheet', async () => {
    call.mockImplementation(routeCalls({ 'GET /api/shop/auth/methods': () => ({ wechat: false, alipay: false, sms: true, demo: true }) }) as never);

    render(<MinePage />);

    // Nothing is fetched for a signed-out shopper
    expect(call).not.toHaveBeenCalled();
    expect(document.querySelector('.mm-avatar--placeholder')).not.toBeNull();
    expect(screen.queryByText('退出登录')).toBeNull();

    fireEvent.click(screen.getByText('登录/注册'));

    expect(await screen.findByText('体验登录（演示环境）')).toBeTruthy();
    expect(screen.getByRole('dialog').getAttribute('aria-label')).toBe('登录');
  });

  it('signed out: an entry that needs login opens the sheet, then goes on after login', async () => {
    const navigate = vi.spyOn(Taro, 'navigateTo');
    call.mockImplementation(
      routeCalls({
        'GET /api/shop/auth/methods': () => ({ wechat: false, alipay: false, sms: false, demo: true }),
        'POST /api/shop/auth/demo-login': () => authResult({ nickname: '体验用户AB12' }),
      }) as never,
    );
    render(<MinePage />);

    fireEvent.click(screen.getByText('收货地址'));
    expect(navigate).not.toHaveBeenCalled();
    fireEvent.click(await vi.waitFor(() => button('体验登录（演示环境）')));

    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith({ url: '/packages/account/pages/addresses/index' }));
    expect(screen.getByText('体验用户AB12')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('signed in: shows nickname, masked phone and the account entries, and refreshes the profile', async () => {
    session.signIn(authResult());
    call.mockImplementation(routeCalls({ 'GET /api/shop/me': () => ({ ...customer, nickname: '小林同学' }) }) as never);

    render(<MinePage />);

    expect(screen.getByText('138****8000')).toBeTruthy();
    expect(screen.getByText('个人资料')).toBeTruthy();
    expect(screen.getByText('收货地址')).toBeTruthy();
    expect(screen.getByText('退出登录')).toBeTruthy();
    expect(screen.queryByText('登录/注册')).toBeNull();
    // The stored profile shows at once; the fresh one replaces it
    expect(await screen.findByText('小林同学')).toBeTruthy();
    expect(session.getState().session?.customer.nickname).toBe('小林同学');
  });

  it('says why when the session turns out to be over', async () => {
    // Given stored tokens the server has revoked (the client signs out when the refresh is refused)
    session.signIn(authResult());
    const toast = vi.spyOn(Taro, 'showToast');
    call.mockImplementation(
      routeCalls({
        'GET /api/shop/me': () => {
          session.signOut();
          throw new ApiError(401, { code: 'REFRESH_TOKEN_REUSED', message: '登录状态异常，已为你退出，请重新登录' });
        },
      }) as never,
    );

    render(<MinePage />);

    expect(await screen.findByText('登录/注册')).toBeTruthy();
    expect(toast).toHaveBeenCalledWith({ title: '登录状态异常，已为你退出，请重新登录', icon: 'none' });
  });

  it('signed in without a phone: offers 绑定手机号 in WeChat only', async () => {
    session.signIn(authResult({ phoneMasked: null }));
    call.mockImplementation(routeCalls({ 'GET /api/shop/me': () => ({ ...customer, phoneMasked: null }) }) as never);

    const { unmount } = render(<MinePage />);
    expect(screen.queryByText('绑定手机号')).toBeNull();
    unmount();

    vi.stubEnv('TARO_ENV', 'weapp');
    render(<MinePage />);
    expect(button('绑定手机号').getAttribute('open-type')).toBe('getPhoneNumber');
  });

  it('退出登录 asks first, then logs out and shows the signed-out header', async () => {
    session.signIn(authResult());
    call.mockImplementation(routeCalls({ 'GET /api/shop/me': () => customer }) as never);
    logout.mockImplementation(async () => session.signOut());
    const modal = vi.spyOn(Taro, 'showModal');
    render(<MinePage />);

    await act(async () => fireEvent.click(button('退出登录')));

    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '确定要退出当前账号吗？' }));
    expect(logout).toHaveBeenCalledTimes(1);
    expect(screen.getByText('登录/注册')).toBeTruthy();
    expect(screen.queryByText('退出登录')).toBeNull();
  });

  it('keeps the shopper signed in when they cancel 退出登录', async () => {
    session.signIn(authResult());
    call.mockImplementation(routeCalls({ 'GET /api/shop/me': () => customer }) as never);
    vi.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    render(<MinePage />);

    await act(async () => fireEvent.click(button('退出登录')));

    expect(logout).not.toHaveBeenCalled();
    expect(screen.getByText('小林')).toBeTruthy();
  });
});
