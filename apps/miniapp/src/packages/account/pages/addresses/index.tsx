import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { addressEndpoints, ApiError } from '@minimall/contracts';
import { api } from '../../../../api/client';
import { errorMessage } from '../../../../api/field-errors';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { LoginSheet } from '../../../../components/login-sheet/login-sheet';
import { SignInPrompt } from '../../../../components/sign-in-prompt';
import { Skeleton } from '../../../../components/skeleton';
import { useLoginGate } from '../../../../hooks/use-login-gate';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { useRequest } from '../../../../hooks/use-request';
import { routes } from '../../../../routes';
import { useSession } from '../../../../session/use-session';
import { brandColor } from '../../../../styles/theme';
import { AddressCard } from './address-card';
import './index.scss';

export default function AddressesPage() {
  const { signedIn } = useSession();
  const { requireLogin, sheet } = useLoginGate();
  const load = useCallback(() => (signedIn ? api.call(addressEndpoints.list) : Promise.resolve([])), [signedIn]);
  const { data: addresses, error, loading, reload } = useRequest(load);
  const [busyId, setBusyId] = useState<string>();
  useReloadOnShow(reload);

  async function perform(id: string, run: () => Promise<unknown>, done: string) {
    setBusyId(id);
    try {
      await run();
      void Taro.showToast({ title: done, icon: 'success' });
      reload();
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setBusyId(undefined);
    }
  }

  async function remove(id: string) {
    const { confirm } = await Taro.showModal({
      title: '删除地址',
      content: '确定删除该收货地址吗？',
      confirmText: '删除',
      confirmColor: brandColor,
    });
    if (confirm) await perform(id, () => api.call(addressEndpoints.remove, { params: { id } }), '已删除');
  }

  const edit = (id?: string) => void Taro.navigateTo({ url: routes.addressEdit(id) });

  let body;
  if (!signedIn) {
    body = <SignInPrompt description='登录后管理收货地址' onLogin={() => requireLogin()} />;
  } else if (loading && !addresses) {
    body = (
      <View className='addresses__card'>
        <Skeleton rows={3} />
      </View>
    );
  } else if (error && !addresses) {
    body = <ErrorState message={error instanceof ApiError ? error.message : '加载失败，请稍后重试'} onRetry={reload} />;
  } else if (!addresses?.length) {
    body = <EmptyState className='addresses__empty' title='还没有收货地址' description='添加后，下单时可直接选用' />;
  } else {
    body = addresses.map((address) => (
      <AddressCard
        key={address.id}
        address={address}
        busy={busyId === address.id}
        onEdit={() => edit(address.id)}
        onSetDefault={() => void perform(address.id, () => api.call(addressEndpoints.setDefault, { params: { id: address.id } }), '已设为默认')}
        onRemove={() => void remove(address.id)}
      />
    ));
  }

  return (
    <View className='mm-page addresses'>
      {body}
      {signedIn && (
        <View className='addresses__footer'>
          <Button className='addresses__add' onClick={() => edit()}>
            新增收货地址
          </Button>
        </View>
      )}
      <LoginSheet {...sheet} />
    </View>
  );
}
