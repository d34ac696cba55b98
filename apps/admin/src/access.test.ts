import { describe, expect, it } from 'vitest';
import { accessFor, isAllowed } from './access.ts';

describe('accessFor', () => {
  it('allows exactly the permissions the member holds', () => {
    const access = accessFor(['staff.read', 'audit.read']);

    expect(access('staff.read')).toBe(true);
    expect(access('audit.read')).toBe(true);
    expect(access('staff.manage')).toBe(false);
    expect(access('system.read')).toBe(false);
  });

  it('allows `self` to any signed-in member, even one without permissions', () => {
    expect(accessFor([])('self')).toBe(true);
    expect(accessFor([])('order.read')).toBe(false);
  });
});

describe('isAllowed', () => {
  it('lets a route without a requirement through and checks the rest against the member', () => {
    const warehouse = accessFor(['order.read', 'order.ship']);

    expect(isAllowed(undefined, warehouse)).toBe(true);
    expect(isAllowed('self', warehouse)).toBe(true);
    expect(isAllowed('order.ship', warehouse)).toBe(true);
    expect(isAllowed('order.refund', warehouse)).toBe(false);
  });
});
