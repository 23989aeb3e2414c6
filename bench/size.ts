/**
 * `npm run size`: how much JavaScript a phone downloads for the volunteer's pages. Builds the
 * app (unless SIZE_SKIP_BUILD=1), migrates a temporary SQLite file, starts the production build
 * in demo mode on a free port, opens /login signed out and /me signed in as the demo volunteer in
 * Chromium, and sums the gzipped size of every JavaScript file each page loads until the network
 * is idle. Prints a table with the target and exits 1 when a page is over it. See
 * docs/performance.md.
 *
 *   SIZE_SKIP_BUILD=1 CHROMIUM_PATH=/usr/bin/chromium npm run size
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../app/domain/users/demo-logins';

const root = path.resolve(import.meta.dirname, '..');
const TARGET_KB = 100;
const PAGES = [
  { page: 'login', path: '/login', role: null },
  { page: 'me', path: '/me', role: 'VOLUNTEER' },
] as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(base: string, exited: () => boolean) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('the server exited before it answered');
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not answer /healthz within 60 s');
}

interface PageSize {
  page: string;
  path: string;
  files: { url: string; bytes: number; gzipBytes: number }[];
}

async function measure(browser: Browser, base: string, page: (typeof PAGES)[number]): Promise<PageSize> {
  const context = await browser.newContext({ baseURL: base, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  const tab = await context.newPage();
  if (page.role) {
    const email = DEMO_LOGINS.find((login) => login.role === page.role)!.email;
    await tab.goto('/login');
    await tab.locator('input[name="email"]').fill(email);
    await tab.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await Promise.all([tab.waitForURL((url) => url.pathname !== '/login'), tab.locator('form#login button[type="submit"]').click()]);
    await tab.goto('about:blank');
  }
  const scripts = new Map<string, Promise<Buffer>>();
  tab.on('response', (response) => {
    const url = response.url();
    if (response.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(new URL(url).pathname)) {
      if (!scripts.has(url)) scripts.set(url, response.body());
    }
  });
  const answer = await tab.goto(page.path, { waitUntil: 'networkidle' });
  if (answer?.status() !== 200 || new URL(tab.url()).pathname !== page.path) {
    throw new Error(`${page.path} answered ${answer?.status()} at ${tab.url()}`);
  }
  const files = await Promise.all(
    [...scripts].map(async ([url, body]) => {
      const bytes = await body;
      return { url: new URL(url).pathname, bytes: bytes.byteLength, gzipBytes: gzipSync(bytes).byteLength };
    }),
  );
  await context.close();
  return { page: page.page, path: page.path, files: files.sort((a, b) => b.gzipBytes - a.gzipBytes) };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function main() {
  if (process.env.SIZE_SKIP_BUILD !== '1') execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brobygger-size-'));
  const databaseUrl = `file:${path.join(dir, 'size.db')}`;
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'ignore' });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = spawn('node', ['build/index.js'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PUBLIC_URL: base,
      DEMO_MODE: 'true',
      JOBS: 'off',
    },
  });
  let exited = false;
  app.on('exit', () => (exited = true));
  let browser: Browser | undefined;
  try {
    await waitForServer(base, () => exited);
    const debianChromium = '/usr/bin/chromium';
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? (fs.existsSync(debianChromium) ? debianChromium : undefined),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const results: PageSize[] = [];
    for (const page of PAGES) results.push(await measure(browser, base, page));

    let over = false;
    console.log(`\n| page | path | JS files | KB | KB gzipped | target |`);
    console.log(`|---|---|---:|---:|---:|---|`);
    for (const result of results) {
      const bytes = result.files.reduce((sum, file) => sum + file.bytes, 0);
      const gzip = result.files.reduce((sum, file) => sum + file.gzipBytes, 0);
      const ok = gzip <= TARGET_KB * 1024;
      over ||= !ok;
      console.log(
        `| ${result.page} | ${result.path} | ${result.files.length} | ${kb(bytes)} | ${kb(gzip)} | ≤ ${TARGET_KB} ${ok ? 'ok' : 'OVER'} |`,
      );
    }
    if (process.env.SIZE_FILES === '1') {
      for (const result of results) {
        console.log(`\n${result.path}:`);
        for (const file of result.files) console.log(`  ${kb(file.gzipBytes).padStart(6)} KB  ${file.url}`);
      }
    }
    process.exitCode = over ? 1 : 0;
  } finally {
    await browser?.close();
    app.kill('SIGTERM');
    await new Promise((resolve) => (exited ? resolve(null) : app.once('exit', resolve)));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
