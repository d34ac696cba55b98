import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ApiError, identityEndpoints, type AuthResult } from '@minimall/contracts';
import { api } from '../../api/client';
import { useRequest } from '../../hooks/use-request';
import { deviceId } from '../../session/device-id';
import { session } from '../../session/session';
import { currentPlatform } from '../../utils/platform';
import { ActionButton } from '../action-button';
import { BottomSheet } from '../bottom-sheet';
import { ErrorState } from '../error-state';
import { Skeleton } from '../skeleton';
import { offeredMethods } from './login-options';
import { SmsLoginForm } from './sms-login-form';
import './login-sheet.scss';

type Method = 'wechat' | 'alipay' | 'sms' | 'demo';

export interface LoginSheetProps {
  open: boolean;
  onClose: () => void;
  onSuccess?: (result: AuthResult) => void;
}

/** Opened from 我的 and from any action that needs a signed-in shopper. */
export function LoginSheet({ open, onClose, onSuccess }: LoginSheetProps) {
  return (
    <BottomSheet open={open} title='登录' onClose={onClose}>
      <LoginPanel onSuccess={onSuccess} />
    </BottomSheet>
  );
}

function failureMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  // Taro.login rejects with { errMsg } when the shopper cancels or the platform refuses.
  return '授权失败，请重试';
}

/** One-tap code from the platform. On Alipay Taro maps login to my.getAuthCode (auth_base) and its authCode to code. */
async function platformCode(): Promise<string> {
  const res = (await Taro.login()) as { code?: string; authCode?: string };
  const code = res.code ?? res.authCode;
  if (!code) throw new Error('no login code');
  return code;
}

function LoginPanel({ onSuccess }: { onSuccess?: (result: AuthResult) => void }) {
  const loadMethods = useCallback(() => api.call(identityEndpoints.loginMethods), []);
  const { data: methods, error, loading, reload } = useRequest(loadMethods);
  const [busy, setBusy] = useState<Method | null>(null);
  const [message, setMessage] = useState<string>();

  async function login(method: Method, start: () => Promise<AuthResult>) {
    setBusy(method);
    setMessage(undefined);
    try {
      const result = await start();
      session.signIn(result);
      void Taro.showToast({ title: result.isNewCustomer ? '注册成功' : '登录成功', icon: 'success' });
      onSuccess?.(result);
    } catch (err) {
      setMessage(failureMessage(err));
    } finally {
      setBusy(null);
    }
  }

  if (loading) {
    return (
      <View className='login-sheet'>
        <Skeleton rows={3} />
      </View>
    );
  }
  if (error || !methods) {
    return (
      <View className='login-sheet'>
        <ErrorState message={error instanceof ApiError ? error.message : '加载失败，请稍后重试'} onRetry={reload} />
      </View>
    );
  }

  const offered = offeredMethods(currentPlatform(), methods);
  const primary = offered.wechat || offered.alipay || offered.sms;
  return (
    <View className='login-sheet'>
      <Text className='login-sheet__subtitle'>
        {offered.sms ? '未注册的手机号验证后将自动创建账号' : '一键登录，无需注册'}
      </Text>
      {offered.wechat && (
        <ActionButton
          className='login-sheet__button login-sheet__button--wechat'
          disabled={busy !== null}
          onClick={() =>
            void login('wechat', async () => api.call(identityEndpoints.wechatLogin, { body: { code: await platformCode() } }))
          }
        >
          {busy === 'wechat' ? '登录中…' : '微信一键登录'}
        </ActionButton>
      )}
      {offered.alipay && (
        <ActionButton
          className='login-sheet__button login-sheet__button--alipay'
          disabled={busy !== null}
          onClick={() =>
            void login('alipay', async () => api.call(identityEndpoints.alipayLogin, { body: { authCode: await platformCode() } }))
          }
        >
          {busy === 'alipay' ? '登录中…' : '支付宝授权登录'}
        </ActionButton>
      )}
      {offered.sms && (
        <SmsLoginForm
          busy={busy === 'sms'}
          onMessage={setMessage}
          onSubmit={(phone, code) => void login('sms', () => api.call(identityEndpoints.smsLogin, { body: { phone, code } }))}
        />
      )}
      {message && (
        <View className='login-sheet__message' role='alert'>
          {message}
        </View>
      )}
      {offered.demo && (
        <>
          {primary && (
            <View className='login-sheet__divider'>
              <Text className='login-sheet__divider-text'>或</Text>
            </View>
          )}
          <ActionButton
            className='login-sheet__button login-sheet__button--outline'
            disabled={busy !== null}
            onClick={() => void login('demo', () => api.call(identityEndpoints.demoLogin, { body: { deviceId: deviceId() } }))}
          >
            {busy === 'demo' ? '登录中…' : '体验登录（演示环境）'}
          </ActionButton>
          <Text className='login-sheet__note'>演示环境专用：自动创建体验账号，数据仅供体验</Text>
        </>
      )}
      {!primary && !offered.demo && <Text className='login-sheet__message'>当前暂不支持登录，请稍后再试</Text>}
      <Text className='login-sheet__agreement'>登录即表示同意《用户协议》《隐私政策》</Text>
    </View>
  );
}
