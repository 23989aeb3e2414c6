import crypto from 'node:crypto';
import type { ServerBuild } from '@remix-run/node';
import { createRequestHandler } from '@remix-run/express';
import compression from 'compression';
import express from 'express';
import { queryCountMiddleware } from './query-count.server';

export interface HttpAppOptions {
  build: ServerBuild;
  publicUrl: string;
  production: boolean;
  /** Folder of public files; `<publicDir>/build` holds the fingerprinted client assets. */
  publicDir?: string;
}

/** The CSP for one response; scripts run only with this response's nonce. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Charts set widths through inline style attributes, which a nonce cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Whether a state-changing request comes from another site (CSRF): its Origin is neither ours nor the host's. */
export function isForeignOrigin(method: string, origin: string | undefined, allowed: readonly string[]): boolean {
  if (method === 'GET' || method === 'HEAD' || origin === undefined) return false;
  return !allowed.includes(origin);
}

/**
 * The Express app: security headers on every response (pages, data, errors, static files),
 * refusal of cross-site writes, static files, then Remix. The process entry (app/server.ts)
 * passes the compiled build; tests pass their own.
 */
export function createHttpApp({ build, publicUrl, production, publicDir = 'public' }: HttpAppOptions): express.Express {
  const publicOrigin = new URL(publicUrl).origin;
  const hsts = production && publicOrigin.startsWith('https:');
  const app = express();
  app.disable('x-powered-by');
  app.use(compression());
  if (queryCountMiddleware) app.use(queryCountMiddleware);
  app.use((req, res, next) => {
    // The client address is taken from the socket here and nowhere else, so a visitor cannot
    // choose it with a header (rate limits and the audit log rely on it).
    req.headers['x-brobygger-client-ip'] = req.socket.remoteAddress ?? 'unknown';
    const nonce = crypto.randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    const allowed = [publicOrigin, `${req.protocol}://${req.headers.host ?? ''}`];
    if (isForeignOrigin(req.method, req.headers.origin, allowed)) {
      res.status(403).type('text/plain').send('Forbidden: cross-site request');
      return;
    }
    next();
  });
  app.use('/build', express.static(`${publicDir}/build`, { immutable: true, maxAge: '1y' }));
  app.use(express.static(publicDir, { maxAge: '1h' }));
  // Everything Remix answers (pages, data, resource routes, errors) may carry personal data.
  app.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.all(
    '*',
    createRequestHandler({ build, mode: build.mode, getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }) }),
  );
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    console.error(error);
    if (res.headersSent) return;
    res.status(500).type('text/plain').send('Internal Server Error');
  });
  return app;
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce?: string;
  }
}
