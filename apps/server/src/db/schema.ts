// Every table of every domain, for drizzle-kit and the typed query API. Domains own their *.schema.ts files.
export * from '../infra/events/events.schema.ts';
export * from '../infra/queue/queue.schema.ts';
export * from '../modules/identity/identity.schema.ts';
