import { defineEndpoint, readinessSchema } from '@minimall/contracts';

/** The readiness probe sits outside /api, so the shared endpoint list does not carry it. */
export const readinessEndpoint = defineEndpoint({
  method: 'GET',
  path: '/readyz',
  auth: 'public',
  summary: 'Whether every dependency (database, cache, queue, storage) answers, with latencies',
  tags: ['system'],
  response: readinessSchema,
});
