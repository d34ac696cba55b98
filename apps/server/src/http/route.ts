import { errorBodySchema, type Endpoint } from '@minimall/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

type Out<E extends Endpoint> = z.output<E['response']>;
type In<S> = [S] extends [undefined] ? undefined : z.output<NonNullable<S> & z.ZodType>;

export interface RouteInput<E extends Endpoint> {
  params: In<E['params']>;
  query: In<E['query']>;
  body: In<E['body']>;
  req: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Registers a contracts endpoint: the same zod schemas validate the request, serialise the response,
 * and document the operation in OpenAPI. Routes stay thin: parse, call the service, return.
 */
export function route<E extends Endpoint>(app: FastifyInstance, endpoint: E, handler: (input: RouteInput<E>) => Promise<Out<E>>): void {
  const status = endpoint.status ?? 200;
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    schema: {
      summary: endpoint.summary,
      tags: endpoint.tags,
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      response: { [status]: endpoint.response, '4xx': errorBodySchema, '5xx': errorBodySchema },
    },
    handler: async (req, reply) => {
      const result = await handler({
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
