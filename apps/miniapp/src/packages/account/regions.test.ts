import Taro from '@tarojs/taro';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { regionTree } from '../../../test/fixtures';
import { api } from '../../api/client';
import { loadRegions, regionLabel, selectionByNames, selectionOf } from './regions';

vi.mock('../../api/client', () => ({ api: { call: vi.fn() } }));
const call = vi.mocked(api.call);

/**
 * Fresh copies of the region module and its mocks, as after an app restart, with `stored` put in
 * storage first (the in-memory cache is gone; storage survives restarts).
 */
async function afterRestart(stored: unknown) {
  vi.resetModules();
  const { default: taro } = await import('@tarojs/taro');
  taro.setStorageSync('mm.regions', stored);
  const { api: freshApi } = await import('../../api/client');
  vi.mocked(freshApi.call).mockResolvedValue(regionTree);
  return { regions: await import('./regions'), call: vi.mocked(freshApi.call) };
}

describe('region data', () => {
  beforeEach(() => {
    call.mockReset();
  });

  it('fetches the tree once, keeps it in storage and serves it from memory', async () => {
    call.mockResolvedValue(regionTree);

    expect(await loadRegions()).toEqual(regionTree);
    expect(await loadRegions()).toEqual(regionTree);

    expect(call).toHaveBeenCalledTimes(1);
    expect((Taro.getStorageSync('mm.regions') as { tree: unknown }).tree).toEqual(regionTree);
  });

  it('after a restart, serves the stored copy without fetching', async () => {
    const { regions, call: freshCall } = await afterRestart({ savedAt: Date.now(), tree: regionTree });

    expect(await regions.loadRegions()).toEqual(regionTree);
    expect(freshCall).not.toHaveBeenCalled();
  });

  it('fetches again when the stored copy is over a month old', async () => {
    const { regions, call: freshCall } = await afterRestart({ savedAt: Date.now() - 31 * 24 * 3600 * 1000, tree: regionTree });

    await regions.loadRegions();

    expect(freshCall).toHaveBeenCalledTimes(1);
  });

  it('finds the province and city of a district code, or of names', () => {
    const xihu = { province: { code: '33', name: '浙江省' }, city: { code: '3301', name: '杭州市' }, district: { code: '330106', name: '西湖区' } };
    expect(selectionOf(regionTree, '330106')).toEqual(xihu);
    expect(selectionOf(regionTree, '330199')).toBeNull();
    expect(selectionByNames(regionTree, '浙江省', '杭州市', '西湖区')).toEqual(xihu);
    expect(selectionByNames(regionTree, '浙江省', '杭州市', '不存在区')).toBeNull();
  });

  it('does not repeat a municipality in labels', () => {
    expect(regionLabel('北京市', '北京市', '朝阳区')).toBe('北京市 朝阳区');
    expect(regionLabel('浙江省', '杭州市', '西湖区')).toBe('浙江省 杭州市 西湖区');
  });
});
