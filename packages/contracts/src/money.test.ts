import { describe, expect, it } from 'vitest';
import { formatFen, formatYuan } from './money.ts';

describe('money formatting', () => {
  it('formats integer fen as yuan with two decimals', () => {
    expect(formatFen(12345)).toBe('123.45');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-5)).toBe('-0.05');
    expect(formatFen(0)).toBe('0.00');
  });

  it('prefixes ¥ and drops .00 only when compact', () => {
    expect(formatYuan(3000)).toBe('¥30.00');
    expect(formatYuan(3000, { compact: true })).toBe('¥30');
    expect(formatYuan(3050, { compact: true })).toBe('¥30.50');
  });

  it('rejects non-integer amounts instead of rounding silently', () => {
    expect(() => formatFen(1.5)).toThrow(TypeError);
  });
});
