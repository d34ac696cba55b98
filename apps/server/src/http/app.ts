import fs from 'node:fs';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Infra } from '../infra/index.ts';
import { requestIdFrom } from '../infra/logger.ts';
import { modules } from '../modules/index.ts';
import { authPlugin } from './auth.ts';
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
  const tls = config.TLS_CERT_FILE && config.TLS_KEY_FILE ? { cert: fs.readFileSync(config.TLS_CERT_FILE), key: fs.readFileSync(config.TLS_KEY_FILE) } : undefined;
  // one instance type for HTTP and HTTPS: the handlers never touch the raw server
  const createServer = Fastify as unknown as (options: Record<string, unknown>) => FastifyInstance;
  const app = createServer({
    ...(tls ? { https: tls } : {}),
    trustProxy: trustProxySetting(config.TRUST_PROXY),
    loggerInstance: infra.log as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => requestIdFrom(req.headers['x-request-id']),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  const isShuttingDown = options.isShuttingDown ?? (() => false);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Taro's H5 shell sets the root font size inline; the swagger UI does the same
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: tls ? [] : null,
      },
    },
    hsts: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCors, {
    origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false,
    credentials: false,
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
  await app.register(authPlugin, { infra });
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
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
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

function trustProxySetting(value: string | undefined): boolean | number | string[] {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((v) => v.trim());
}
