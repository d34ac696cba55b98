import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Infra } from '../infra/index.ts';
import { authenticate, staffActor } from '../modules/identity/index.ts';
import type { Actor } from '../shared/context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

const ANONYMOUS: Actor = { kind: 'anonymous' };

/**
 * Resolves `Authorization: Bearer <access token>` into `req.actor` for every request. A bad or revoked
 * token is treated as anonymous here; routes that need a signed-in actor answer 401 (see route()).
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { infra: Infra }) => {
  // reference-type decorations must start as null; the hook below sets each request's own value
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.actor = ANONYMOUS;
    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) return;
    const claims = await authenticate({ infra: opts.infra, now: opts.infra.clock.now() }, header.slice(7).trim());
    if (!claims) return;
    if (claims.typ === 'customer') req.actor = { kind: 'customer', customerId: claims.sub };
    else req.actor = (await staffActor(opts.infra, claims.sub)) ?? ANONYMOUS;
  });
});
