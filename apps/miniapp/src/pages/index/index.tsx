import { useCallback, useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { systemEndpoints } from '@minimall/contracts';
import { api } from '../../api/client';
import { useRequest } from '../../hooks/use-request';
import { StatusCard } from './status-card';
import './index.scss';

// Shown when the shop's own name could not be loaded.
const FALLBACK_SHOP_NAME = '商城';

export default function IndexPage() {
  const loadInfo = useCallback(() => api.call(systemEndpoints.info), []);
  const { data: info, error, loading, reload } = useRequest(loadInfo);
  const shopName = info?.name;

  useEffect(() => {
    if (shopName) void Taro.setNavigationBarTitle({ title: shopName });
  }, [shopName]);

  return (
    <View className='mm-page index-page'>
      <View className='index-page__header'>
        {loading ? (
          <View className='index-page__shop-name-placeholder' />
        ) : (
          <Text className='index-page__shop-name'>{shopName ?? FALLBACK_SHOP_NAME}</Text>
        )}
        <View className='index-page__search' role='search'>
          <View className='index-page__search-icon' />
          <Text className='index-page__search-text'>搜索商品</Text>
        </View>
      </View>
      <View className='index-page__body'>
        <StatusCard info={info} error={error} loading={loading} onRetry={reload} />
      </View>
    </View>
  );
}
