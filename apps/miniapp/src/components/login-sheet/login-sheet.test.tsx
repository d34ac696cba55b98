import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ApiError } from '@minimall/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authResult, button, routeCalls, typeInto } from '../../../test/fixtures';
import { api } from '../../api/client';
import { session } from '../../session/session';
import { LoginSheet } from './login-sheet';

vi.mock('../../api/client', () => ({ api: { call: vi.fn(), logout: vi.fn() } }));
const call = vi.mocked(api.call);

/** The Taro <Input> host element, drawn by React at once (its inner field comes a frame later). */
const field = (placeholder: string) => document.querySelector(`taro-input-core[placeholder="${placeholder}"]`);

const allMethods = { wechat: true, alipay: true, sms: true, demo: false };

async function openSheet(onSuccess = vi.fn()) {
  render(<LoginSheet open onClose={vi.fn()} onSuccess={onSuccess} />);
  await screen.findByText('登录即表示同意《用户协议》《隐私政策》');
  return onSuccess;
}

describe('login sheet', () => {
  beforeEach(() => {
    call.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('offers only WeChat one-tap login in the WeChat mini-program and signs in with the wx.login code', async () => {
    // Given a weapp build and a shop offering every method but demo
    vi.stubEnv('TARO_ENV', 'weapp');
    vi.spyOn(Taro, 'login').mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' });
    const wechatLogin = vi.fn(() => authResult({ nickname: '微信用户' }));
    call.mockImplementation(
      routeCalls({ 'GET /api/shop/auth/methods': () => allMethods, 'POST /api/shop/auth/wechat-login': wechatLogin }) as never,
    );

    // When the sheet opens
    const onSuccess = await openSheet();

    // Then only the WeChat button is there
    expect(screen.queryByText('支付宝授权登录')).toBeNull();
    expect(field('请输入手机号')).toBeNull();
    expect(screen.queryByText('体验登录（演示环境）')).toBeNull();
    expect(screen.getByText('一键登录，无需注册')).toBeTruthy();

    // And tapping it exchanges the wx.login code for a session
    fireEvent.click(button('微信一键登录'));
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(wechatLogin).toHaveBeenCalledWith({ body: { code: 'wx-code-1' } });
    expect(session.getState().session?.customer.nickname).toBe('微信用户');
  });

  it('offers only Alipay login in the Alipay mini-program', async () => {
    vi.stubEnv('TARO_ENV', 'alipay');
    vi.spyOn(Taro, 'login').mockResolvedValue({ code: 'ali-auth-code', errMsg: 'getAuthCode:ok' });
    const alipayLogin = vi.fn(() => authResult());
    call.mockImplementation(
      routeCalls({ 'GET /api/shop/auth/methods': () => allMethods, 'POST /api/shop/auth/alipay-login': alipayLogin }) as never,
    );

    const onSuccess = await openSheet();

    expect(screen.queryByText('微信一键登录')).toBeNull();
    expect(field('请输入手机号')).toBeNull();
    fireEvent.click(button('支付宝授权登录'));
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(alipayLogin).toHaveBeenCalledWith({ body: { authCode: 'ali-auth-code' } });
  });

  it('shows SMS login and the labelled demo login on H5 when the shop offers them', async () => {
    // Given H5 and a demo install
    call.mockImplementation(
      routeCalls({
        'GET /api/shop/auth/methods': () => ({ wechat: true, alipay: false, sms: true, demo: true }),
        'POST /api/shop/auth/demo-login': () => authResult({ nickname: '体验用户AB12' }, true),
      }) as never,
    );

    const onSuccess = await openSheet();

    // Then phone + code fields and the demo button are offered, WeChat is not
    expect(field('请输入手机号')).not.toBeNull();
    expect(field('请输入验证码')).not.toBeNull();
    expect(screen.queryByText('微信一键登录')).toBeNull();
    expect(screen.getByText('未注册的手机号验证后将自动创建账号')).toBeTruthy();

    // And demo login sends a stable device id kept in storage
    fireEvent.click(button('体验登录（演示环境）'));
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    const deviceId = (call.mock.calls[1]?.[1] as { body: { deviceId: string } }).body.deviceId;
    expect(deviceId).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(Taro.getStorageSync('mm.deviceId')).toBe(deviceId);
    expect(session.getState().session?.customer.nickname).toBe('体验用户AB12');
  });

  it('hides demo login when the server does not offer it', async () => {
    call.mockImplementation(routeCalls({ 'GET /api/shop/auth/methods': () => ({ wechat: false, alipay: false, sms: true, demo: false }) }) as never);

    await openSheet();

    expect(screen.queryByText('体验登录（演示环境）')).toBeNull();
    expect(screen.queryByText('或')).toBeNull();
  });

  it('says so when no login method is available here', async () => {
    vi.stubEnv('TARO_ENV', 'weapp');
    call.mockImplementation(routeCalls({ 'GET /api/shop/auth/methods': () => ({ wechat: false, alipay: true, sms: false, demo: false }) }) as never);

    await openSheet();

    expect(screen.getByText('当前暂不支持登录，请稍后再试')).toBeTruthy();
    expect(screen.queryByText('支付宝授权登录')).toBeNull();
  });

  it('counts down the resend button from resendAfterSec', async () => {
    const sendSmsCode = vi.fn(() => ({ expiresInSec: 300, resendAfterSec: 60 }));
    call.mockImplementation(
      routeCalls({ 'GET /api/shop/auth/methods': () => ({ ...allMethods, wechat: false }), 'POST /api/shop/auth/sms-code': sendSmsCode }) as never,
    );
    await openSheet();

    // When the shopper asks for a code
    await typeInto('请输入手机号', '13800138000');
    // (setInterval stays real: jsdom's animation frames, which draw the web components, run on it)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    await act(async () => fireEvent.click(button('获取验证码')));

    // Then the code is sent and the button waits 60 s
    expect(sendSmsCode).toHaveBeenCalledWith({ body: { phone: '13800138000' } });
    expect(button('60s 后重新获取').getAttribute('aria-disabled')).toBe('true');

    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(button('59s 后重新获取')).toBeTruthy();

    await act(() => vi.advanceTimersByTimeAsync(59_000));
    expect(button('重新获取').getAttribute('aria-disabled')).toBe('false');
  });

  it('shows the server message of a rate limit and waits retryAfterSec', async () => {
    call.mockImplementation(
      routeCalls({
        'GET /api/shop/auth/methods': () => ({ ...allMethods, wechat: false }),
        'POST /api/shop/auth/sms-code': () => {
          throw new ApiError(429, { code: 'RATE_LIMITED', message: '验证码已发送，请 1 分钟后再试', details: { retryAfterSec: 42 } });
        },
      }) as never,
    );
    await openSheet();

    await typeInto('请输入手机号', '13800138000');
    await act(async () => fireEvent.click(button('获取验证码')));

    expect(screen.getByText('验证码已发送，请 1 分钟后再试')).toBeTruthy();
    expect(button('42s 后重新获取')).toBeTruthy();
  });

  it('checks the phone number before sending a code', async () => {
    call.mockImplementation(routeCalls({ 'GET /api/shop/auth/methods': () => ({ ...allMethods, wechat: false }) }) as never);
    await openSheet();

    await typeInto('请输入手机号', '1380013');
    fireEvent.click(button('获取验证码'));

    expect(await screen.findByText('请输入正确的手机号')).toBeTruthy();
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('logs in with phone and code, and shows a wrong code in Chinese', async () => {
    let attempts = 0;
    const smsLogin = vi.fn(() => {
      attempts += 1;
      if (attempts === 1) throw new ApiError(400, { code: 'SMS_CODE_INVALID', message: '验证码错误或已过期', details: { attemptsLeft: 4 } });
      return authResult({ nickname: '用户8000' });
    });
    call.mockImplementation(
      routeCalls({ 'GET /api/shop/auth/methods': () => ({ ...allMethods, wechat: false }), 'POST /api/shop/auth/sms-login': smsLogin }) as never,
    );
    const onSuccess = await openSheet();

    await typeInto('请输入手机号', '13800138000');
    await typeInto('请输入验证码', '111111');
    fireEvent.click(button('登录'));
    expect(await screen.findByText('验证码错误或已过期')).toBeTruthy();
    expect(onSuccess).not.toHaveBeenCalled();

    await typeInto('请输入验证码', '123456');
    fireEvent.click(button('登录'));
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(smsLogin).toHaveBeenLastCalledWith({ body: { phone: '13800138000', code: '123456' } });
    expect(session.getState().session?.customer.nickname).toBe('用户8000');
  });
});
