import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { notFoundBody } from './error-handler.ts';

// Vite and Taro both put an 8+ char content hash in emitted file names.
const HASHED = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|jpe?g|webp|svg|gif)(\.br|\.gz)?$/;

function cacheHeaders(reply: FastifyReply, filePath: string): void {
  if (filePath.endsWith('.html')) reply.header('cache-control', 'no-cache');
  else if (HASHED.test(filePath)) reply.header('cache-control', 'public, max-age=31536000, immutable');
  else reply.header('cache-control', 'public, max-age=3600');
}

export interface SpaSite {
  prefix: string;
  root: string;
}

/**
 * Serves the built storefront at / and the admin at /admin/, with precompressed (.br/.gz) assets and
 * history fallback: a GET for a page path (no file extension) returns the app's index.html.
 */
export async function staticSites(app: FastifyInstance, opts: { sites: SpaSite[]; uploads?: { prefix: string; root: string } }): Promise<SpaSite[]> {
  const served = opts.sites.filter((s) => fs.existsSync(path.join(s.root, 'index.html')));
  let first = true;
  for (const site of served) {
    await app.register(fastifyStatic, {
      root: site.root,
      prefix: site.prefix,
      decorateReply: first,
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
      setHeaders: cacheHeaders,
      schemaHide: true,
    });
    first = false;
  }
  if (opts.uploads) {
    fs.mkdirSync(opts.uploads.root, { recursive: true });
    await app.register(fastifyStatic, {
      root: opts.uploads.root,
      prefix: opts.uploads.prefix,
      decorateReply: first,
      wildcard: true,
      index: false,
      setHeaders: (reply: FastifyReply) => reply.header('cache-control', 'public, max-age=86400'),
      schemaHide: true,
      // the local storage adapter keeps metadata and temp files as dotfiles: never public
      dotfiles: 'ignore',
    });
  }
  return served;
}

/** 404 for the API and for missing files; the SPA shell for client-side routes. */
export function fallback(sites: SpaSite[]) {
  const ordered = [...sites].sort((a, b) => b.prefix.length - a.prefix.length);
  return async (req: { method: string; url: string }, reply: FastifyReply) => {
    const pathname = req.url.split('?')[0] ?? '/';
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !pathname.startsWith('/api/') && !path.extname(pathname);
    const site = isPage ? ordered.find((s) => pathname === s.prefix.replace(/\/$/, '') || pathname.startsWith(s.prefix)) : undefined;
    if (site) {
      if (pathname === site.prefix.replace(/\/$/, '') && site.prefix !== '/') return reply.redirect(site.prefix, 301);
      return reply.header('cache-control', 'no-cache').sendFile('index.html', site.root);
    }
    return reply.status(404).send(notFoundBody(req.method, req.url));
  };
}
