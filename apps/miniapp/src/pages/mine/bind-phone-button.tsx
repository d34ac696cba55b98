import Taro from '@tarojs/taro';
import { Button } from '@tarojs/components';
import { identityEndpoints } from '@minimall/contracts';
import { api } from '../../api/client';
import { errorMessage } from '../../api/field-errors';
import { session } from '../../session/session';

/** WeChat only: the shopper approves sharing their number, the server exchanges the code for it. */
export function BindPhoneButton() {
  async function bind(code: string | undefined) {
    // No code: the shopper declined in WeChat's dialog; nothing to say.
    if (!code) return;
    try {
      session.updateCustomer(await api.call(identityEndpoints.bindWechatPhone, { body: { code } }));
      void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err, '绑定失败，请稍后重试'), icon: 'none' });
    }
  }

  return (
    <Button className='mine-page__bind' openType='getPhoneNumber' onGetPhoneNumber={(e) => void bind(e.detail.code)}>
      绑定手机号
    </Button>
  );
}
