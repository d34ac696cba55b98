import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Switch, Text, Textarea, View } from '@tarojs/components';
import { addressInputSchema, type AddressInput } from '@minimall/contracts';
import { errorMessage, fieldErrorsFromApi, fieldErrorsFromIssues, type FieldErrors } from '../../../../api/field-errors';
import { ActionButton } from '../../../../components/action-button';
import { Cell } from '../../../../components/cell';
import { brandColor } from '../../../../styles/theme';
import { currentPlatform } from '../../../../utils/platform';
import { RegionPicker } from '../../components/region-picker';
import { regionLabel, type RegionTree } from '../../regions';
import { draftFromWechat, toAddressInput, type AddressDraft, type WechatAddress } from './address-draft';
import { TagChips } from './tag-chips';

export interface AddressFormProps {
  initial: AddressDraft;
  tree: RegionTree;
  /** Saves the address; an ApiError naming fields is shown beside those fields. */
  onSubmit: (input: AddressInput) => Promise<void>;
}

export function AddressForm({ initial, tree, onSubmit }: AddressFormProps) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pickingRegion, setPickingRegion] = useState(false);
  const [saving, setSaving] = useState(false);

  function change<K extends keyof AddressDraft>(key: K, value: AddressDraft[K], field: string = key) {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  }

  async function importFromWechat() {
    try {
      const picked = (await Taro.chooseAddress()) as unknown as WechatAddress;
      const next = draftFromWechat(draft, picked, tree);
      setDraft(next);
      setErrors({});
      if (!next.region) void Taro.showToast({ title: '未能识别所在地区，请手动选择', icon: 'none' });
    } catch (err) {
      // Cancelling WeChat's address book is not an error worth a word.
      if (!String((err as { errMsg?: string })?.errMsg ?? '').includes('cancel')) {
        void Taro.showToast({ title: '无法读取微信地址', icon: 'none' });
      }
    }
  }

  async function save() {
    const input = toAddressInput(draft);
    const checked = addressInputSchema.safeParse(input);
    if (!checked.success) {
      setErrors(fieldErrorsFromIssues(checked.error.issues));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSubmit(input);
    } catch (err) {
      const fields = fieldErrorsFromApi(err);
      if (fields) setErrors(fields);
      else void Taro.showToast({ title: errorMessage(err, '保存失败，请稍后重试'), icon: 'none' });
    } finally {
      setSaving(false);
    }
  }

  const region = draft.region;
  return (
    <View className='address-form'>
      {currentPlatform() === 'weapp' && (
        <View className='address-form__import' onClick={() => void importFromWechat()}>
          <Text className='address-form__import-title'>导入微信地址</Text>
          <Text className='address-form__import-hint'>一键填入微信收货地址</Text>
        </View>
      )}
      <View className='address-form__card'>
        <Cell title='收货人' error={errors.recipient}>
          <Input
            className='address-form__input'
            maxlength={25}
            placeholder='请填写收货人姓名'
            value={draft.recipient}
            onInput={(e) => change('recipient', e.detail.value)}
          />
        </Cell>
        <Cell title='手机号' error={errors.phone}>
          <Input
            className='address-form__input'
            type='number'
            maxlength={11}
            placeholder='请填写收货人手机号'
            value={draft.phone}
            onInput={(e) => change('phone', e.detail.value)}
          />
        </Cell>
        <Cell title='所在地区' error={errors.districtCode} onClick={() => setPickingRegion(true)}>
          <Text className={`address-form__region${region ? '' : ' address-form__region--empty'}`}>
            {region ? regionLabel(region.province.name, region.city.name, region.district.name) : '请选择省 / 市 / 区'}
          </Text>
        </Cell>
        <Cell title='详细地址' error={errors.detail} className='address-form__detail'>
          <Textarea
            className='address-form__textarea'
            autoHeight
            maxlength={120}
            placeholder='街道、楼牌号、单元室等'
            value={draft.detail}
            onInput={(e) => change('detail', e.detail.value)}
          />
        </Cell>
      </View>
      <View className='address-form__card'>
        <Cell title='标签' error={errors.tag}>
          <TagChips value={draft.tag} onChange={(tag) => change('tag', tag)} />
        </Cell>
        <Cell title='设为默认'>
          <Switch
            className='address-form__switch'
            color={brandColor}
            checked={draft.isDefault}
            onChange={(e) => change('isDefault', e.detail.value)}
          />
        </Cell>
      </View>
      <Text className='address-form__hint'>默认地址会在下单时优先使用</Text>
      <View className='address-form__footer'>
        <ActionButton className='address-form__save' disabled={saving} onClick={() => void save()}>
          {saving ? '保存中…' : '保存'}
        </ActionButton>
      </View>
      <RegionPicker
        open={pickingRegion}
        tree={tree}
        value={region}
        onClose={() => setPickingRegion(false)}
        onConfirm={(selection) => {
          setPickingRegion(false);
          change('region', selection, 'districtCode');
        }}
      />
    </View>
  );
}
