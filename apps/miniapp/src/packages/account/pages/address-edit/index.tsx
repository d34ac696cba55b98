import { useCallback, useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { addressEndpoints, ApiError, type AddressInput } from '@minimall/contracts';
import { api } from '../../../../api/client';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { LoginSheet } from '../../../../components/login-sheet/login-sheet';
import { SignInPrompt } from '../../../../components/sign-in-prompt';
import { Skeleton } from '../../../../components/skeleton';
import { useLoginGate } from '../../../../hooks/use-login-gate';
import { useRequest } from '../../../../hooks/use-request';
import { routes } from '../../../../routes';
import { useSession } from '../../../../session/use-session';
import { goBack } from '../../../../utils/navigation';
import { loadRegions } from '../../regions';
import { draftOf, emptyDraft } from './address-draft';
import { AddressForm } from './address-form';
import './index.scss';

function loadFailure(error: unknown): string {
  return error instanceof ApiError ? error.message : '加载失败，请稍后重试';
}

export default function AddressEditPage() {
  const id = useRouter().params.id;
  const { signedIn } = useSession();
  const { requireLogin, sheet } = useLoginGate();

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: id ? '编辑收货地址' : '新增收货地址' });
  }, [id]);

  const regions = useRequest(loadRegions);
  // No single-address endpoint: the list is small (at most 20) and already ordered.
  const loadExisting = useCallback(
    () => (id && signedIn ? api.call(addressEndpoints.list).then((list) => list.find((a) => a.id === id) ?? null) : Promise.resolve(null)),
    [id, signedIn],
  );
  const existing = useRequest(loadExisting);

  async function submit(input: AddressInput) {
    if (id) await api.call(addressEndpoints.update, { params: { id }, body: input });
    else await api.call(addressEndpoints.create, { body: input });
    void Taro.showToast({ title: '已保存', icon: 'success' });
    goBack(routes.addresses);
  }

  let body;
  if (!signedIn) {
    body = <SignInPrompt description='登录后管理收货地址' onLogin={() => requireLogin()} />;
  } else if (regions.loading || existing.loading) {
    body = (
      <View className='address-edit__loading'>
        <Skeleton rows={5} />
      </View>
    );
  } else if (regions.error || existing.error || !regions.data) {
    const retry = () => {
      if (regions.error) regions.reload();
      if (existing.error) existing.reload();
    };
    body = <ErrorState message={loadFailure(regions.error ?? existing.error)} onRetry={retry} />;
  } else if (id && !existing.data) {
    body = <EmptyState title='地址不存在或已删除' description='请返回地址列表重新选择' />;
  } else {
    body = <AddressForm initial={existing.data ? draftOf(existing.data) : emptyDraft} tree={regions.data} onSubmit={submit} />;
  }

  return (
    <View className='mm-page address-edit'>
      {body}
      <LoginSheet {...sheet} />
    </View>
  );
}
