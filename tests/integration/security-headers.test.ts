import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from '@remix-run/react';
import type { ServerBuild } from '@remix-run/node';
import { json } from '@remix-run/node';
import { createElement as h } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNonce } from '~/components/nonce';
import handleRequest from '~/entry.server';
import { createHttpApp } from '~/lib/http-app.server';

/**
 * The real Express app (app/lib/http-app.server.ts) and the real document entry
 * (app/entry.server.tsx) over HTTP, with a small Remix build: a page with scripts, a page
 * whose loader fails, a form action, a data route and static files.
 */
let writes = 0;

function Root() {
  const nonce = useNonce();
  return h(
    'html',
    { lang: 'nb' },
    h('head', null, h(Meta), h(Links)),
    h('body', null, h(Outlet), h(ScrollRestoration, { nonce }), h(Scripts, { nonce })),
  );
}

const entryRoute = (id: string, parentId: string | undefined, routePath: string | undefined, hasAction = false) => ({
  id,
  parentId,
  path: routePath,
  module: `/build/${id}.js`,
  hasAction,
  hasLoader: true,
  hasClientAction: false,
  hasClientLoader: false,
  hasErrorBoundary: id === 'root',
});

const build: ServerBuild = {
  mode: 'production',
  entry: { module: { default: handleRequest } },
  routes: {
    root: {
      id: 'root',
      path: '',
      module: { default: Root, loader: () => json({}), ErrorBoundary: () => h('p', null, 'Error') },
    },
    'routes/page': {
      id: 'routes/page',
      parentId: 'root',
      path: 'page',
      module: {
        default: () => h('h1', null, 'Page'),
        loader: () => json({ name: 'Ada' }),
        action: () => {
          writes += 1;
          return json({ saved: true });
        },
      },
    },
    'routes/boom': {
      id: 'routes/boom',
      parentId: 'root',
      path: 'boom',
      module: {
        default: () => h('p', null, 'never'),
        loader: () => {
          throw new Error('boom');
        },
      },
    },
  },
  assets: {
    entry: { imports: [], module: '/build/entry.js' },
    routes: {
      root: entryRoute('root', undefined, ''),
      'routes/page': entryRoute('routes/page', 'root', 'page', true),
      'routes/boom': entryRoute('routes/boom', 'root', 'boom'),
    },
    url: '/build/manifest.js',
    version: 'test',
  },
  publicPath: '/build/',
  assetsBuildDirectory: 'public/build',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
  isSpaMode: false,
};

const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brobygger-public-'));
fs.mkdirSync(path.join(publicDir, 'build'));
fs.writeFileSync(path.join(publicDir, 'build', 'entry-ABC123.js'), 'console.log(1);');
fs.writeFileSync(path.join(publicDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

type Server = ReturnType<ReturnType<typeof createHttpApp>['listen']>;
const servers: Server[] = [];

async function start(options: { publicUrl?: string; production?: boolean; trustProxy?: boolean } = {}): Promise<string> {
  const app = createHttpApp({
    build,
    publicUrl: options.publicUrl ?? 'http://app.example',
    production: options.production ?? false,
    publicDir,
    trustProxy: options.trustProxy,
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let base: string;
beforeAll(async () => {
  base = await start();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  fs.rmSync(publicDir, { recursive: true, force: true });
});

function nonceOf(response: Response): string {
  const csp = response.headers.get('content-security-policy') ?? '';
  const match = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp);
  const nonce = match?.[1];
  expect(nonce, `CSP without a script nonce: ${csp}`).toBeDefined();
  return nonce ?? '';
}

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get('content-security-policy') ?? '';
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('same-origin');
  expect(response.headers.get('x-powered-by')).toBeNull();
}

describe('security headers', () => {
  it('puts a fresh nonce on every script of a page and in its CSP, and forbids caching', async () => {
    const first = await fetch(`${base}/page`);
    expect(first.status).toBe(200);
    expectSecurityHeaders(first);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const nonce = nonceOf(first);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const second = await fetch(`${base}/page`);
    expect(nonceOf(second)).not.toBe(nonce);
  });

  it('sends them on 404 and 500 pages and on data requests too', async () => {
    const missing = await fetch(`${base}/no-such-page`);
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
    expect(missing.headers.get('cache-control')).toBe('no-store');

    const failing = await fetch(`${base}/boom`);
    expect(failing.status).toBe(500);
    expectSecurityHeaders(failing);
    expect(failing.headers.get('cache-control')).toBe('no-store');
    expect(await failing.text()).not.toContain('boom');

    const data = await fetch(`${base}/page?_data=routes%2Fpage`);
    expect(data.status).toBe(200);
    expect(await data.json()).toEqual({ name: 'Ada' });
    expectSecurityHeaders(data);
    expect(data.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps long caching for build assets, short for other public files, with the same headers', async () => {
    const asset = await fetch(`${base}/build/entry-ABC123.js`);
    expect(asset.status).toBe(200);
    expectSecurityHeaders(asset);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await fetch(`${base}/favicon.svg`);
    expect(icon.status).toBe(200);
    expectSecurityHeaders(icon);
    expect(icon.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('sends HSTS only in production behind an https PUBLIC_URL', async () => {
    expect((await fetch(`${base}/page`)).headers.get('strict-transport-security')).toBeNull();
    const productionHttp = await start({ production: true, publicUrl: 'http://app.example' });
    expect((await fetch(`${productionHttp}/page`)).headers.get('strict-transport-security')).toBeNull();
    const productionHttps = await start({ production: true, publicUrl: 'https://app.example' });
    const response = await fetch(`${productionHttps}/page`);
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
    expectSecurityHeaders(response);
  });
});

describe('cross-site writes', () => {
  const post = (origin?: string) =>
    fetch(`${base}/page?_data=routes%2Fpage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
      body: 'name=x',
    });

  it('refuses a POST from a foreign Origin before Remix runs', async () => {
    const before = writes;
    for (const origin of ['https://evil.example', 'http://app.example.evil.example', 'null']) {
      const response = await post(origin);
      expect(response.status).toBe(403);
      expectSecurityHeaders(response);
    }
    expect(writes).toBe(before);
  });

  it('lets through a POST from the request’s own host, from PUBLIC_URL when addressed to its host, or without Origin', async () => {
    const before = writes;
    for (const origin of [base, undefined]) expect((await post(origin)).status).toBe(200);
    const fromPublic = await raw(base, {
      method: 'POST',
      path: '/page',
      headers: { host: 'app.example', origin: 'http://app.example' },
      body: 'name=x',
    });
    expect(fromPublic.status).toBe(200);
    expect(writes).toBe(before + 3);
  });
});

/** A request with headers fetch cannot set (Host) or a body sent in chunks. */
function raw(
  base: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean },
): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: options.method,
        path: options.path,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(options.body !== undefined && !options.chunked ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close the socket after a 413 while a large body is still being sent.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return;
      reject(error);
    });
    if (options.body !== undefined) {
      if (options.chunked) {
        const body = Buffer.from(options.body);
        for (let offset = 0; offset < body.length; offset += 64 * 1024) request.write(body.subarray(offset, offset + 64 * 1024));
      } else {
        request.write(options.body);
      }
    }
    request.end();
  });
}

describe('input at the door', () => {
  const twoMegabytes = `note=${'x'.repeat(2 * 1024 * 1024)}`;

  it('answers a 2 MB body with 413 before Remix parses it, whether its length is announced or chunked', async () => {
    const before = writes;
    const announced = await fetch(`${base}/page`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: twoMegabytes,
    });
    expect(announced.status).toBe(413);
    expectSecurityHeaders(announced);
    const chunked = await raw(base, { method: 'POST', path: '/page', body: twoMegabytes, chunked: true });
    expect(chunked.status).toBe(413);
    expect(writes).toBe(before);
    // A body under the limit still goes through.
    expect((await raw(base, { method: 'POST', path: '/page', body: `note=${'x'.repeat(1000)}`, chunked: true })).status).toBe(200);
    expect(writes).toBe(before + 1);
  });

  it('answers a NUL or other control character in the path with 404 and in the query with 400, never 500', async () => {
    for (const path of ['/page%00', '/meetings/abc%00def', '/page%0a', '/meetings/%1b', '/page%7F']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expectSecurityHeaders(response);
    }
    for (const query of ['?month=2026%00', '?q=%0d%0aSet-Cookie:x']) expect((await fetch(`${base}/page${query}`)).status, query).toBe(400);
    expect((await fetch(`${base}/page?q=%C3%A6+%C3%B8`)).status).toBe(200);
  });
});

describe('behind a proxy that rewrites Host', () => {
  const viaProxy = (target: string, trusted: { origin: string; forwardedHost?: string; forwardedProto?: string }) =>
    raw(target, {
      method: 'POST',
      path: '/page',
      headers: {
        host: 'internal-app:3000',
        origin: trusted.origin,
        ...(trusted.forwardedHost ? { 'x-forwarded-host': trusted.forwardedHost } : {}),
        ...(trusted.forwardedProto ? { 'x-forwarded-proto': trusted.forwardedProto } : {}),
        'x-forwarded-for': '203.0.113.9',
      },
      body: 'name=x',
    });

  it('works with TRUST_PROXY: the forwarded host and scheme count for the Origin check', async () => {
    const proxied = await start({ publicUrl: 'https://brobygger.example', trustProxy: true });
    const before = writes;
    const response = await viaProxy(proxied, {
      origin: 'https://brobygger.example',
      forwardedHost: 'brobygger.example',
      forwardedProto: 'https',
    });
    expect(response.status).toBe(200);
    expect(writes).toBe(before + 1);
    // A foreign page is still refused through the proxy.
    expect(
      (await viaProxy(proxied, { origin: 'https://evil.example', forwardedHost: 'brobygger.example', forwardedProto: 'https' })).status,
    ).toBe(403);
  });

  it('is refused cleanly (403, not 500) without TRUST_PROXY, whatever the forwarded headers say', async () => {
    const direct = await start({ publicUrl: 'https://brobygger.example' });
    const before = writes;
    const response = await viaProxy(direct, {
      origin: 'https://brobygger.example',
      forwardedHost: 'brobygger.example',
      forwardedProto: 'https',
    });
    expect(response.status).toBe(403);
    expect((await viaProxy(direct, { origin: 'https://brobygger.example' })).status).toBe(403);
    expect(writes).toBe(before);
  });
});
