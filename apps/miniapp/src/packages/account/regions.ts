import Taro from '@tarojs/taro';
import { addressEndpoints, regionTreeSchema, type EndpointOutput } from '@minimall/contracts';
import { api } from '../../api/client';

export type RegionTree = EndpointOutput<typeof addressEndpoints.regions>;

export interface Region {
  code: string;
  name: string;
}

export interface RegionSelection {
  province: Region;
  city: Region;
  district: Region;
}

const STORAGE_KEY = 'mm.regions';
// Administrative divisions change a few times a year; a month-old copy is fine.
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

let inMemory: RegionTree | undefined;

/** The province/city/district tree: fetched once, then kept in storage and memory. */
export async function loadRegions(): Promise<RegionTree> {
  if (inMemory) return inMemory;
  const stored = Taro.getStorageSync(STORAGE_KEY) as { savedAt?: number; tree?: unknown } | '';
  if (stored && typeof stored.savedAt === 'number' && Date.now() - stored.savedAt < MAX_AGE_MS) {
    const parsed = regionTreeSchema.safeParse(stored.tree);
    if (parsed.success) return (inMemory = parsed.data);
  }
  const tree = await api.call(addressEndpoints.regions);
  try {
    Taro.setStorageSync(STORAGE_KEY, { savedAt: Date.now(), tree });
  } catch {
    // Storage full: the tree still serves this run from memory.
  }
  return (inMemory = tree);
}

export function provincesOf(tree: RegionTree): Region[] {
  return tree.provinces.map(([code, name]) => ({ code, name }));
}

export function citiesOf(tree: RegionTree, provinceCode: string): Region[] {
  const province = tree.provinces.find(([code]) => code === provinceCode);
  return province ? province[2].map(([code, name]) => ({ code, name })) : [];
}

export function districtsOf(tree: RegionTree, provinceCode: string, cityCode: string): Region[] {
  const province = tree.provinces.find(([code]) => code === provinceCode);
  const city = province?.[2].find(([code]) => code === cityCode);
  return city ? city[2].map(([code, name]) => ({ code, name })) : [];
}

/** The province and city a district code belongs to, or null when the tree has no such district. */
export function selectionOf(tree: RegionTree, districtCode: string): RegionSelection | null {
  for (const [pCode, pName, cities] of tree.provinces) {
    if (!districtCode.startsWith(pCode)) continue;
    for (const [cCode, cName, districts] of cities) {
      const district = districts.find(([code]) => code === districtCode);
      if (district) return { province: { code: pCode, name: pName }, city: { code: cCode, name: cName }, district: { code: district[0], name: district[1] } };
    }
  }
  return null;
}

/** Matches names as another source spells them (e.g. WeChat's address book). */
export function selectionByNames(tree: RegionTree, province: string, city: string, district: string): RegionSelection | null {
  const p = tree.provinces.find(([, name]) => name === province);
  const c = p?.[2].find(([, name]) => name === city);
  const d = c?.[2].find(([, name]) => name === district);
  if (!p || !c || !d) return null;
  return { province: { code: p[0], name: p[1] }, city: { code: c[0], name: c[1] }, district: { code: d[0], name: d[1] } };
}

/** "浙江省 杭州市 西湖区"; a municipality is not repeated ("北京市 东城区"). */
export function regionLabel(province: string, city: string, district: string): string {
  return (city === province ? [province, district] : [province, city, district]).join(' ');
}
