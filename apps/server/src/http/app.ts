import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Infra } from '../infra/index.ts';
import { requestIdFrom } from '../infra/logger.ts';
import { modules } from '../modules/index.ts';
import { registerErrorHandling } from './error-handler.ts';
import { healthRoutes } from './health.ts';
import { fallback, staticSites } from './static.ts';

export interface AppOptions {
  /** Extra plugins (tests register probes through this). */
  plugins?: FastifyPluginAsync<{ infra: Infra }>[];
  isShuttingDown?: () => boolean;
}

export async function buildApp(infra: Infra, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = infra;
  const app = Fastify({
    loggerInstance: infra.log as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  const isShuttingDown = options.isShuttingDown ?? (() => false);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // keep-alive clients would otherwise hold the server open after their in-flight response during a drain
  app.addHook('onSend', async (_req, reply) => {
    if (isShuttingDown()) reply.header('connection', 'close');
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'minimall API',
        version: config.version,
        description: 'Storefront (/api/shop), merchant console (/api/admin) and platform callbacks (/api/notify). Errors are `{ code, message, details? }`.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });

  await app.register(healthRoutes, { infra, isShuttingDown });
  for (const mod of modules) await app.register(mod.routes, { infra });
  for (const plugin of options.plugins ?? []) await app.register(plugin, { infra });

  const sites = config.SERVE_STATIC
    ? await staticSites(app, {
        sites: [
          { prefix: '/admin/', root: config.ADMIN_DIR },
          { prefix: '/', root: config.STOREFRONT_DIR },
        ],
        uploads: infra.storage.kind === 'local' ? { prefix: '/uploads/', root: config.uploadsDir } : undefined,
      })
    : [];
  for (const site of [{ prefix: '/admin/', root: config.ADMIN_DIR }, { prefix: '/', root: config.STOREFRONT_DIR }]) {
    if (config.SERVE_STATIC && !sites.some((s) => s.prefix === site.prefix)) {
      infra.log.warn({ dir: site.root }, `front end for ${site.prefix} is not built; run \`npm run build\` (npm start does it for you)`);
    }
  }
  app.setNotFoundHandler(fallback(sites));
  return app;
}
