import { errorBodySchema, type Endpoint } from '@minimall/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';

type Out<E extends Endpoint> = z.output<E['response']>;
type In<S> = [S] extends [undefined] ? undefined : z.output<NonNullable<S> & z.ZodType>;

export interface RouteInput<E extends Endpoint> {
  params: In<E['params']>;
  query: In<E['query']>;
  body: In<E['body']>;
  req: FastifyRequest;
  reply: FastifyReply;
  actor: Actor;
}

/** The customer id behind a request to an `auth: 'customer'` endpoint (route() has already checked it). */
export function customerId(actor: Actor): string {
  if (actor.kind !== 'customer') throw new DomainError('UNAUTHENTICATED', '请先登录', 401);
  return actor.customerId;
}

function authorize(endpoint: Endpoint, actor: Actor): void {
  if (endpoint.auth === 'public') return;
  if (endpoint.auth === 'customer') {
    if (actor.kind !== 'customer') throw new DomainError('UNAUTHENTICATED', '请先登录', 401);
    return;
  }
  if (actor.kind !== 'staff') throw new DomainError('UNAUTHENTICATED', '请先登录', 401);
  if (endpoint.permission === 'self') return;
  if (actor.mustChangePassword) throw new DomainError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码', 403);
  if (!endpoint.permission || !actor.permissions.has(endpoint.permission)) {
    throw new DomainError('FORBIDDEN', '没有权限执行此操作', 403, { permission: endpoint.permission });
  }
}

/** Every registered endpoint, for route-table tests (e.g. each admin route refuses staff without its permission). */
export const registeredEndpoints: Endpoint[] = [];

/**
 * Registers a contracts endpoint: the same zod schemas validate the request, serialise the response,
 * and document the operation in OpenAPI. Routes stay thin: parse, call the service, return.
 */
export function route<E extends Endpoint>(app: FastifyInstance, endpoint: E, handler: (input: RouteInput<E>) => Promise<Out<E>>): void {
  const status = endpoint.status ?? 200;
  const adminGuarded = endpoint.auth === 'staff' && Boolean(endpoint.permission);
  const adminSignIn = endpoint.auth === 'public' && endpoint.path.startsWith('/api/admin/auth/');
  if (endpoint.path.startsWith('/api/admin/') && !adminGuarded && !adminSignIn) {
    throw new Error(`${endpoint.method} ${endpoint.path}: admin endpoints must require staff with a permission ('self' for own-account operations)`);
  }
  if (!registeredEndpoints.includes(endpoint)) registeredEndpoints.push(endpoint);
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    schema: {
      summary: endpoint.summary,
      tags: endpoint.tags,
      ...(endpoint.auth === 'public' ? {} : { security: [{ bearerAuth: [] }] }),
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      response: { [status]: endpoint.response, '4xx': errorBodySchema, '5xx': errorBodySchema },
    },
    config: { auth: endpoint.auth, permission: endpoint.permission },
    // before the body is even parsed: unauthorised callers learn nothing from validation errors
    onRequest: async (req) => authorize(endpoint, req.actor),
    handler: async (req, reply) => {
      const result = await handler({
        actor: req.actor,
        params: req.params as In<E['params']>,
        query: req.query as In<E['query']>,
        body: req.body as In<E['body']>,
        req,
        reply,
      });
      return reply.status(status).send(result);
    },
  });
}
