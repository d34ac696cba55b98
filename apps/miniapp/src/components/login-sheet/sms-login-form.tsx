import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { ApiError, cnPhoneSchema, identityEndpoints } from '@minimall/contracts';
import { api } from '../../api/client';
import { errorMessage } from '../../api/field-errors';
import { useCountdown } from '../../hooks/use-countdown';
import { ActionButton } from '../action-button';

// A rate-limit wait longer than this (e.g. the daily cap) is told, not counted down.
const MAX_COUNTDOWN_SEC = 120;

export interface SmsLoginFormProps {
  busy: boolean;
  onSubmit: (phone: string, code: string) => void;
  onMessage: (message: string | undefined) => void;
}

/** Phone + 6-digit code, with a resend countdown taken from the server's answer. */
export function SmsLoginForm({ busy, onSubmit, onMessage }: SmsLoginFormProps) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sending, setSending] = useState(false);
  const [sentOnce, setSentOnce] = useState(false);
  const countdown = useCountdown();

  async function sendCode() {
    const parsed = cnPhoneSchema.safeParse(phone);
    if (!parsed.success) {
      onMessage(parsed.error.issues[0]?.message ?? '请输入正确的手机号');
      return;
    }
    onMessage(undefined);
    setSending(true);
    try {
      const sent = await api.call(identityEndpoints.sendSmsCode, { body: { phone: parsed.data } });
      setSentOnce(true);
      countdown.start(sent.resendAfterSec);
      void Taro.showToast({ title: '验证码已发送', icon: 'none' });
    } catch (err) {
      onMessage(errorMessage(err, '验证码发送失败，请稍后重试'));
      const retryAfter = err instanceof ApiError ? (err.details as { retryAfterSec?: unknown } | undefined)?.retryAfterSec : undefined;
      if (typeof retryAfter === 'number' && retryAfter <= MAX_COUNTDOWN_SEC) countdown.start(retryAfter);
    } finally {
      setSending(false);
    }
  }

  function submit() {
    const parsed = cnPhoneSchema.safeParse(phone);
    if (!parsed.success) {
      onMessage(parsed.error.issues[0]?.message ?? '请输入正确的手机号');
      return;
    }
    if (!/^\d{6}$/.test(code)) {
      onMessage('请输入 6 位验证码');
      return;
    }
    onMessage(undefined);
    onSubmit(parsed.data, code);
  }

  const waiting = countdown.remaining > 0;
  let sendLabel = sentOnce ? '重新获取' : '获取验证码';
  if (sending) sendLabel = '发送中…';
  else if (waiting) sendLabel = `${countdown.remaining}s 后重新获取`;

  return (
    <View className='sms-login'>
      <View className='sms-login__field'>
        <Text className='sms-login__prefix'>+86</Text>
        <Input
          className='sms-login__input'
          type='number'
          maxlength={11}
          placeholder='请输入手机号'
          value={phone}
          onInput={(e) => setPhone(e.detail.value)}
        />
      </View>
      <View className='sms-login__field'>
        <Input
          className='sms-login__input'
          type='number'
          maxlength={6}
          placeholder='请输入验证码'
          value={code}
          onInput={(e) => setCode(e.detail.value)}
        />
        <ActionButton className='sms-login__send' disabled={sending || waiting} onClick={() => void sendCode()}>
          {sendLabel}
        </ActionButton>
      </View>
      <ActionButton className='login-sheet__button login-sheet__button--brand' disabled={busy || !phone || !code} onClick={submit}>
        {busy ? '登录中…' : '登录'}
      </ActionButton>
    </View>
  );
}
