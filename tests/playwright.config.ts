import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { freePort } from '../bench/free-port';

const root = path.resolve(import.meta.dirname, '..');

// E2E_PORT when given; otherwise a free port, chosen once by the runner and inherited by its
// workers (which load this file again) through the environment.
process.env.E2E_PORT ??= String(await freePort());
export const E2E_PORT = Number(process.env.E2E_PORT);
// The SMPP port the app's SMS_URL points at; the SMS spec starts its own SMPP server there (tests/e2e/sms.spec.ts).
process.env.E2E_SMPP_PORT ??= String(await freePort());
// Spec files import app modules (the record factories) that open the one Prisma client and read
// the environment when they load, so the workers point at the e2e server's database from the start.
const { e2eDatabaseUrl } = await import('./e2e/paths');
process.env.DATABASE_URL = e2eDatabaseUrl();
process.env.DEMO_MODE = 'true';

// Debian's Chromium where it exists (Playwright cannot download its own browser on these
// machines); Playwright's own browser elsewhere.
const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync(debianChromium) ? debianChromium : undefined);

export default defineConfig({
  testDir: path.join(root, 'tests/e2e'),
  outputDir: path.join(root, 'test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'node --import tsx tests/e2e/server.ts',
    cwd: root,
    url: `http://localhost:${E2E_PORT}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      E2E_PORT: String(E2E_PORT),
      E2E_SMPP_PORT: process.env.E2E_SMPP_PORT,
      ...(process.env.TEST_POSTGRES_URL ? { TEST_POSTGRES_URL: process.env.TEST_POSTGRES_URL } : {}),
    },
  },
});
