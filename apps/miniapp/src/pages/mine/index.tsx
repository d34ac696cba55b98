import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../components/empty-state';
import './index.scss';

// Identity (WeChat/Alipay login) is not built yet, so this page says so honestly.
export default function MinePage() {
  return (
    <View className='mm-page mine-page'>
      <View className='mine-page__profile'>
        <View className='mine-page__avatar' />
        <View className='mine-page__who'>
          <Text className='mine-page__name'>未登录</Text>
          <Text className='mine-page__hint'>登录功能即将开放</Text>
        </View>
      </View>
      <View className='mine-page__panel'>
        <EmptyState title='暂无内容' description='登录上线后，订单和收货地址会显示在这里' />
      </View>
    </View>
  );
}
