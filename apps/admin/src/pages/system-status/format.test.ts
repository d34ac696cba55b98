import { describe, expect, it } from 'vitest';
import { checkLabel, formatUptime } from './format.ts';

describe('formatUptime', () => {
  it('shows the two largest units in Chinese', () => {
    expect(formatUptime(2 * 3600 + 5 * 60 + 7)).toBe('2 小时 5 分');
    expect(formatUptime(3 * 86_400 + 4 * 3600 + 59)).toBe('3 天 4 小时');
    expect(formatUptime(5 * 60 + 12)).toBe('5 分 12 秒');
    expect(formatUptime(42)).toBe('42 秒');
  });

  it('drops a zero second unit', () => {
    expect(formatUptime(2 * 3600 + 30)).toBe('2 小时');
    expect(formatUptime(86_400 + 60)).toBe('1 天');
  });

  it('says 0 秒 for a process that just started', () => {
    expect(formatUptime(0)).toBe('0 秒');
  });
});

describe('checkLabel', () => {
  it('names known checks in Chinese and keeps unknown ones', () => {
    expect(checkLabel('database')).toBe('数据库');
    expect(checkLabel('storage')).toBe('存储');
    expect(checkLabel('smtp')).toBe('smtp');
  });
});
