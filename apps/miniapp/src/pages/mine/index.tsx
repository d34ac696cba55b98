import Taro, { useDidShow } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { ApiError, identityEndpoints } from '@minimall/contracts';
import { api } from '../../api/client';
import { Cell } from '../../components/cell';
import { LoginSheet } from '../../components/login-sheet/login-sheet';
import { useLoginGate } from '../../hooks/use-login-gate';
import { routes } from '../../routes';
import { session } from '../../session/session';
import { useSession } from '../../session/use-session';
import { brandColor } from '../../styles/theme';
import { ProfileHeader } from './profile-header';
import './index.scss';

export default function MinePage() {
  const { signedIn, customer } = useSession();
  const { requireLogin, sheet } = useLoginGate();

  // Picks up changes made elsewhere (another device, the profile page) and notices a dead session,
  // saying why the shopper was signed out (expired, or revoked after token reuse).
  useDidShow(() => {
    if (!session.getState().session) return;
    api.call(identityEndpoints.me).then(session.updateCustomer, (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) void Taro.showToast({ title: err.message, icon: 'none' });
    });
  });

  const openSignedIn = (url: string) => requireLogin(() => void Taro.navigateTo({ url }));

  async function logout() {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '确定要退出当前账号吗？',
      confirmText: '退出',
      confirmColor: brandColor,
    });
    if (!confirm) return;
    await api.logout();
    void Taro.showToast({ title: '已退出登录', icon: 'none' });
  }

  return (
    <View className='mm-page mine-page'>
      <ProfileHeader customer={customer} onLogin={() => requireLogin()} />
      <View className='mine-page__panel'>
        <Cell title='个人资料' onClick={() => openSignedIn(routes.profile)} />
        <Cell title='收货地址' onClick={() => openSignedIn(routes.addresses)} />
      </View>
      {signedIn && (
        <Button className='mine-page__logout' onClick={() => void logout()}>
          退出登录
        </Button>
      )}
      <LoginSheet {...sheet} />
    </View>
  );
}
