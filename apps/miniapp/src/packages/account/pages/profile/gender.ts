import type { CustomerProfile } from '@minimall/contracts';

export type Gender = CustomerProfile['gender'];

/** Picker order: 男 / 女 / 保密 ("unknown" is what the shopper chose not to say, or never said). */
export const genderOptions: { value: Gender; label: string }[] = [
  { value: 'male', label: '男' },
  { value: 'female', label: '女' },
  { value: 'unknown', label: '保密' },
];

export function genderLabel(gender: Gender): string {
  return genderOptions.find((o) => o.value === gender)?.label ?? '保密';
}
