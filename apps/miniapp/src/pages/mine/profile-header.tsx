import { Text, View } from '@tarojs/components';
import type { CustomerProfile } from '@minimall/contracts';
import { Avatar } from '../../components/avatar';
import { currentPlatform } from '../../utils/platform';
import { BindPhoneButton } from './bind-phone-button';

export interface ProfileHeaderProps {
  customer: CustomerProfile | null;
  onLogin: () => void;
}

/** Avatar and name on the brand colour; the whole block is the login entry when signed out. */
export function ProfileHeader({ customer, onLogin }: ProfileHeaderProps) {
  if (!customer) {
    return (
      <View className='mine-page__profile' onClick={onLogin}>
        <Avatar />
        <View className='mine-page__who'>
          <Text className='mine-page__name'>登录/注册</Text>
          <Text className='mine-page__hint'>登录后可管理个人资料和收货地址</Text>
        </View>
      </View>
    );
  }
  let phone = null;
  if (customer.phoneMasked) phone = <Text className='mine-page__hint'>{customer.phoneMasked}</Text>;
  // SMS login already binds the phone on H5; Alipay has no phone binding yet.
  else if (currentPlatform() === 'weapp') phone = <BindPhoneButton />;
  return (
    <View className='mine-page__profile'>
      <Avatar url={customer.avatarUrl} />
      <View className='mine-page__who'>
        <Text className='mine-page__name'>{customer.nickname}</Text>
        {phone}
      </View>
    </View>
  );
}
