import type { Address, AddressInput } from '@minimall/contracts';
import { selectionByNames, selectionOf, type RegionSelection, type RegionTree } from '../../regions';

/** What the form edits; `region` is null until a district is picked. */
export interface AddressDraft {
  recipient: string;
  phone: string;
  region: RegionSelection | null;
  detail: string;
  tag: string | null;
  isDefault: boolean;
}

export const emptyDraft: AddressDraft = { recipient: '', phone: '', region: null, detail: '', tag: null, isDefault: false };

export function draftOf(address: Address): AddressDraft {
  return {
    recipient: address.recipient,
    phone: address.phone,
    region: {
      province: { code: address.provinceCode, name: address.province },
      city: { code: address.cityCode, name: address.city },
      district: { code: address.districtCode, name: address.district },
    },
    detail: address.detail,
    tag: address.tag,
    isDefault: address.isDefault,
  };
}

/** The request body of create / update. */
export function toAddressInput(draft: AddressDraft): AddressInput {
  return {
    recipient: draft.recipient.trim(),
    phone: draft.phone.trim(),
    districtCode: draft.region?.district.code ?? '',
    detail: draft.detail.trim(),
    tag: draft.tag,
    isDefault: draft.isDefault,
  };
}

/** The fields of `Taro.chooseAddress` (WeChat's address book) the form uses. */
export interface WechatAddress {
  userName: string;
  telNumber: string;
  provinceName: string;
  cityName: string;
  countyName: string;
  detailInfo: string;
  /** The district's national code (GB/T 2260), the same code the API stores. */
  nationalCode: string;
}

/** Prefills the form from WeChat; the region falls back to names when the code is unknown. */
export function draftFromWechat(current: AddressDraft, picked: WechatAddress, tree: RegionTree): AddressDraft {
  return {
    ...current,
    recipient: picked.userName,
    phone: picked.telNumber,
    region: selectionOf(tree, picked.nationalCode) ?? selectionByNames(tree, picked.provinceName, picked.cityName, picked.countyName),
    detail: picked.detailInfo,
  };
}
