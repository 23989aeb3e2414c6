import crypto from 'node:crypto';
import fs from 'node:fs';
import type { ServerBuild } from '@remix-run/node';
import { createRequestHandler as createRemixHandler, writeReadableStreamToWritable } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { queryCountMiddleware } from './query-count.server';

export interface HttpAppOptions {
  build: ServerBuild;
  publicUrl: string;
  production: boolean;
  /** Folder of public files; `<publicDir>/build` holds the fingerprinted client assets. */
  publicDir?: string;
  /**
   * TRUST_PROXY: the app runs behind one reverse proxy, whose X-Forwarded-Host, -Proto and
   * -For name the public host, scheme and client. Without it those headers are dropped.
   */
  trustProxy?: boolean;
  /** Largest request body accepted (bytes); larger ones get 413 before anything parses them. */
  bodyLimitBytes?: number;
}

/** 1 MB: far above any form of the app (the longest text field is 2,000 characters). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

// Control characters (raw or percent-encoded) and raw spaces have no place in our addresses;
// an id with a NUL would otherwise reach the database (PostgreSQL refuses U+0000 with an error).
// eslint-disable-next-line no-control-regex
const URL_CONTROL = /[\u0000-\u0020\u007f]|%(?:[01][0-9a-f]|7f)/i;

/** The request body, read up to the limit ('too-large' past it, without keeping the rest). */
function readBody(req: express.Request, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!settled) resolve(Buffer.concat(chunks));
      settled = true;
    });
    req.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
  });
}

function tooLarge(res: express.Response) {
  res.setHeader('Connection', 'close');
  res.status(413).type('text/plain').send('Payload Too Large');
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
export function createHttpApp({
  build,
  publicUrl,
  production,
  publicDir = 'public',
  trustProxy = false,
  bodyLimitBytes = BODY_LIMIT_BYTES,
}: HttpAppOptions): express.Express {
  const publicOrigin = new URL(publicUrl).origin;
  const publicHost = new URL(publicUrl).host;
  const hsts = production && publicOrigin.startsWith('https:');
  const app = express();
  app.disable('x-powered-by');
  // One proxy hop: req.protocol, req.hostname and req.ip then come from its X-Forwarded-* headers.
  if (trustProxy) app.set('trust proxy', 1);
  app.use(compression());
  if (queryCountMiddleware) app.use(queryCountMiddleware);
  app.use((req, res, next) => {
    // The client address is taken from the socket here and nowhere else (or, with TRUST_PROXY,
    // from the address our proxy added), so a visitor cannot choose it with a header (rate
    // limits and the audit log rely on it).
    req.headers['x-brobygger-client-ip'] = (trustProxy ? req.ip : req.socket.remoteAddress) ?? 'unknown';
    if (!trustProxy) {
      delete req.headers['x-forwarded-host'];
      delete req.headers['x-forwarded-proto'];
      delete req.headers['x-forwarded-for'];
    }
    const nonce = crypto.randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    if (hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // The host this request was addressed to: the proxy's X-Forwarded-Host with TRUST_PROXY,
    // else Host. Remix compares Origin with the same header, so what passes here passes there
    // (a proxy that rewrites Host without TRUST_PROXY is refused here with 403, not a 500 later).
    const forwardedHost = trustProxy ? (String(req.headers['x-forwarded-host'] ?? '').split(',')[0] ?? '').trim() : '';
    const host = forwardedHost || req.headers.host || '';
    const allowed = [`${req.protocol}://${host}`, ...(host === publicHost ? [publicOrigin] : [])];
    if (isForeignOrigin(req.method, req.headers.origin, allowed)) {
      res.status(403).type('text/plain').send('Forbidden: cross-site request');
      return;
    }
    const [pathname = '', ...query] = req.originalUrl.split('?');
    if (URL_CONTROL.test(pathname)) {
      res.status(404).type('text/plain').send('Not Found');
      return;
    }
    if (URL_CONTROL.test(query.join('?').replaceAll('%20', '').replaceAll('+', ''))) {
      res.status(400).type('text/plain').send('Bad Request');
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > bodyLimitBytes) {
      tooLarge(res);
      return;
    }
    next();
  });
  app.use('/build', express.static(`${publicDir}/build`, { immutable: true, maxAge: '1y' }));
  // The other public files (the favicon) by name: a page request does not ask the disk first.
  const publicFiles = new Set(
    fs.existsSync(publicDir)
      ? fs
          .readdirSync(publicDir, { withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => `/${entry.name}`)
      : [],
  );
  const servePublicFile = express.static(publicDir, { maxAge: '1h' });
  app.use((req, res, next) => {
    if (publicFiles.has(req.path)) void servePublicFile(req, res, next);
    else next();
  });
  // Everything Remix answers (pages, data, resource routes, errors) may carry personal data.
  app.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const handleRequest = createRemixHandler(build, build.mode);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Express 4 ignores the promise; every failure is caught below and passed to next
  app.all('*', async (req, res, next) => {
    try {
      let body: Buffer | undefined;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        const read = await readBody(req, bodyLimitBytes);
        if (read === 'too-large') {
          tooLarge(res);
          return;
        }
        body = read;
      }
      const response = await handleRequest(remixRequest(req, res, body), { cspNonce: res.locals.cspNonce as string });
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  });
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    console.error(error);
    if (res.headersSent) return;
    res.status(500).type('text/plain').send('Internal Server Error');
  });
  return app;
}

/** The Fetch Request Remix sees, with the body already read (and limited) above. */
function remixRequest(req: express.Request, res: express.Response, body: Buffer | undefined): Request {
  const port = /:(\d+)$/.exec(String(req.get('X-Forwarded-Host') ?? req.get('host') ?? ''))?.[1];
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`);
  let controller: AbortController | null = new AbortController();
  res.on('finish', () => (controller = null));
  res.on('close', () => controller?.abort());
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    for (const value of ([] as string[]).concat(values ?? [])) headers.append(key, value);
  }
  return new Request(url.href, { method: req.method, headers, signal: controller.signal, body: body ? new Uint8Array(body) : undefined });
}

/** Writes Remix's Response to Express, as @remix-run/express does. */
async function sendRemixResponse(res: express.Response, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.headers.get('Content-Type')?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce?: string;
  }
}
