import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Picker, Text, View } from '@tarojs/components';
import { identityEndpoints, type CustomerProfile } from '@minimall/contracts';
import { api } from '../../../../api/client';
import { AVATAR_MAX_BYTES, uploadAvatar } from '../../../../api/upload-avatar';
import { errorMessage, fieldErrorsFromApi, fieldErrorsFromIssues, type FieldErrors } from '../../../../api/field-errors';
import { ActionButton } from '../../../../components/action-button';
import { Avatar } from '../../../../components/avatar';
import { Cell } from '../../../../components/cell';
import { session } from '../../../../session/session';
import { genderLabel, genderOptions, type Gender } from './gender';

interface Changes {
  nickname?: string;
  gender?: Gender;
  birthday?: string;
}

/** Today on the shopper's own calendar: the latest birthday the picker allows. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** WeChat says "chooseImage:fail cancel", Alipay error 11 "用户取消操作". */
function pickCancelled(err: unknown): boolean {
  const { errMsg, errorMessage, error } = (err ?? {}) as { errMsg?: string; errorMessage?: string; error?: number };
  return /cancel|取消/.test(`${errMsg ?? ''}${errorMessage ?? ''}`) || error === 11;
}

export function ProfileForm({ customer }: { customer: CustomerProfile }) {
  const [changes, setChanges] = useState<Changes>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);

  const nickname = changes.nickname ?? customer.nickname;
  const gender = changes.gender ?? customer.gender;
  const birthday = changes.birthday ?? customer.birthday;
  // Only what differs from the saved profile is sent.
  const body: Changes = {};
  if (nickname.trim() !== customer.nickname) body.nickname = nickname.trim();
  if (gender !== customer.gender) body.gender = gender;
  if (birthday && birthday !== customer.birthday) body.birthday = birthday;
  const dirty = Object.keys(body).length > 0;

  function change<K extends keyof Changes>(key: K, value: Changes[K]) {
    setChanges((c) => ({ ...c, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  }

  async function save() {
    const checked = identityEndpoints.updateMe.body!.safeParse(body);
    if (!checked.success) {
      setErrors(fieldErrorsFromIssues(checked.error.issues));
      return;
    }
    setSaving(true);
    try {
      session.updateCustomer(await api.call(identityEndpoints.updateMe, { body }));
      setChanges({});
      setErrors({});
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (err) {
      const fields = fieldErrorsFromApi(err);
      if (fields) setErrors(fields);
      else void Taro.showToast({ title: errorMessage(err, '保存失败，请稍后重试'), icon: 'none' });
    } finally {
      setSaving(false);
    }
  }

  async function changeAvatar() {
    if (uploading) return;
    let picked: Taro.chooseImage.SuccessCallbackResult;
    try {
      picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    } catch (err) {
      if (!pickCancelled(err)) void Taro.showToast({ title: '无法读取这张图片，请换一张', icon: 'none' });
      return;
    }
    const file = picked.tempFiles[0];
    const filePath = file?.path ?? picked.tempFilePaths[0];
    if (!filePath) return;
    if (file && file.size > AVATAR_MAX_BYTES) {
      void Taro.showToast({ title: '图片不能超过 5 MB', icon: 'none' });
      return;
    }
    setUploading(true);
    void Taro.showLoading({ title: '上传中…', mask: true });
    try {
      await uploadAvatar({ path: filePath, file: file?.originalFileObj });
      Taro.hideLoading();
      void Taro.showToast({ title: '头像已更新', icon: 'success' });
    } catch (err) {
      Taro.hideLoading();
      void Taro.showToast({ title: errorMessage(err, '上传失败，请稍后重试'), icon: 'none' });
    } finally {
      setUploading(false);
    }
  }

  const genderIndex = genderOptions.findIndex((o) => o.value === gender);
  return (
    <View className='profile-form'>
      <View className='profile-form__card'>
        <Cell title='头像' onClick={() => void changeAvatar()}>
          <Text className='profile-form__muted'>{uploading ? '上传中…' : '更换头像'}</Text>
          <Avatar url={customer.avatarUrl} size='md' className='profile-form__avatar' />
        </Cell>
        <Cell title='昵称' error={errors.nickname}>
          <Input
            className='profile-form__input'
            maxlength={20}
            placeholder='请输入昵称'
            value={nickname}
            onInput={(e) => change('nickname', e.detail.value)}
          />
        </Cell>
        <Picker
          mode='selector'
          range={genderOptions.map((o) => o.label)}
          value={genderIndex}
          onChange={(e) => change('gender', genderOptions[Number(e.detail.value)]?.value)}
        >
          <Cell title='性别' error={errors.gender} arrow>
            <Text className='profile-form__value'>{genderLabel(gender)}</Text>
          </Cell>
        </Picker>
        <Picker
          mode='date'
          start='1900-01-01'
          end={today()}
          value={birthday ?? '1990-01-01'}
          onChange={(e) => change('birthday', String(e.detail.value))}
        >
          <Cell title='生日' error={errors.birthday} arrow>
            <Text className={birthday ? 'profile-form__value' : 'profile-form__muted'}>{birthday ?? '请选择'}</Text>
          </Cell>
        </Picker>
        <Cell title='手机号'>
          <Text className={customer.phoneMasked ? 'profile-form__value' : 'profile-form__muted'}>
            {customer.phoneMasked ?? '未绑定'}
          </Text>
        </Cell>
      </View>
      <View className='profile-form__footer'>
        <ActionButton className='profile-form__save' disabled={!dirty || saving} onClick={() => void save()}>
          {saving ? '保存中…' : '保存'}
        </ActionButton>
      </View>
    </View>
  );
}
