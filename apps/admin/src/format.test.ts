import { describe, expect, it } from 'vitest';
import { formatDateTime, formatShortDateTime, shopDayRange } from './format.ts';

describe('formatDateTime', () => {
  it('shows the instant in China time whatever offset the server sent', () => {
    expect(formatDateTime('2025-01-31T00:05:09Z')).toBe('2025/01/31 08:05:09');
    expect(formatDateTime('2025-06-01T23:30:00+08:00')).toBe('2025/06/01 23:30:00');
  });
});

describe('formatShortDateTime', () => {
  it('drops the year and the seconds', () => {
    expect(formatShortDateTime('2025-01-31T00:05:09Z')).toBe('01/31 08:05');
  });
});

describe('shopDayRange', () => {
  it('covers whole shop days from midnight to the last millisecond, in China time', () => {
    const range = shopDayRange('2025-03-01', '2025-03-07');

    expect(range).toEqual({ from: '2025-03-01T00:00:00.000+08:00', to: '2025-03-07T23:59:59.999+08:00' });
    expect(new Date(range.from).toISOString()).toBe('2025-02-28T16:00:00.000Z');
  });
});
