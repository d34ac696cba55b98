export * from './errors.ts';
export * from './endpoint.ts';
export * from './client.ts';
export * from './money.ts';
export * from './system.ts';
export * from './identity.ts';
export * from './permissions.ts';
export * from './staff.ts';
