import { describe, expect, it } from 'vitest';
import { createIdGenerator, idTimestamp } from './ids.ts';

describe('time-ordered ids (UUIDv7)', () => {
  it('are valid version-7 RFC 9562 UUIDs carrying their creation time', () => {
    const id = createIdGenerator(() => Date.parse('2026-11-21T08:00:00.000Z'))();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idTimestamp(id).toISOString()).toBe('2026-11-21T08:00:00.000Z');
  });

  it('sort in creation order, even many within one millisecond', () => {
    const next = createIdGenerator(() => 1_795_000_000_000);
    const ids = Array.from({ length: 10_000 }, () => next());
    expect(new Set(ids).size).toBe(10_000);
    expect([...ids].sort()).toEqual(ids);
  });

  it('stay ordered when the clock steps backwards', () => {
    let now = 1_795_000_000_500;
    const next = createIdGenerator(() => now);
    const first = next();
    now -= 400;
    const second = next();
    expect(second > first).toBe(true);
  });
});
