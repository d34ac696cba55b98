import { Text, View } from '@tarojs/components';
import type { Address } from '@minimall/contracts';
import { regionLabel } from '../../regions';

export interface AddressCardProps {
  address: Address;
  busy: boolean;
  onEdit: () => void;
  onSetDefault: () => void;
  onRemove: () => void;
}

/** 138****8000: enough to recognise, not enough to read over a shoulder. */
function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

export function AddressCard({ address, busy, onEdit, onSetDefault, onRemove }: AddressCardProps) {
  return (
    <View className='address-card'>
      <View className='address-card__main' onClick={onEdit}>
        <View className='address-card__who'>
          <Text className='address-card__name'>{address.recipient}</Text>
          <Text className='address-card__phone'>{maskPhone(address.phone)}</Text>
        </View>
        <View className='address-card__where'>
          {address.isDefault && <Text className='address-card__badge address-card__badge--default'>默认</Text>}
          {address.tag && <Text className='address-card__badge'>{address.tag}</Text>}
          <Text className='address-card__region'>{regionLabel(address.province, address.city, address.district)}</Text>
        </View>
        <Text className='address-card__detail'>{address.detail}</Text>
      </View>
      <View className='address-card__actions'>
        <View
          className={`address-card__default${address.isDefault ? ' address-card__default--on' : ''}`}
          role='radio'
          aria-checked={address.isDefault}
          onClick={address.isDefault || busy ? undefined : onSetDefault}
        >
          <View className='address-card__radio' />
          <Text>{address.isDefault ? '默认地址' : '设为默认'}</Text>
        </View>
        <Text className='address-card__action' onClick={onEdit}>
          编辑
        </Text>
        <Text className='address-card__action' onClick={busy ? undefined : onRemove}>
          删除
        </Text>
      </View>
    </View>
  );
}
