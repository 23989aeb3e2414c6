/**
 * Playwright's web server: a real SMTP server on loopback that writes every email it
 * receives to a JSON-lines file the tests read, a fresh migrated SQLite file, and the
 * production build (`node build/index.js`) in demo mode pointed at both.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { databaseName, quoteIdentifier } from '../../app/lib/postgresql-adapter';
import { TestSmtpServer } from '../support/smtp-server';
import { E2E_DIR, MAILBOX_FILE, e2eDatabaseUrl } from './paths';

const root = path.resolve(import.meta.dirname, '..', '..');
fs.rmSync(E2E_DIR, { recursive: true, force: true });
fs.mkdirSync(E2E_DIR, { recursive: true });
const databaseUrl = e2eDatabaseUrl();
if (process.env.TEST_POSTGRES_URL) {
  // A fresh PostgreSQL database for this run, as the SQLite file is fresh.
  const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseName(databaseUrl))} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoteIdentifier(databaseName(databaseUrl))}`);
  await admin.end();
}

const smtp = await new TestSmtpServer().start();
const written = new Set<number>();
setInterval(() => {
  smtp.received.forEach((email, index) => {
    if (written.has(index)) return;
    written.add(index);
    fs.appendFileSync(MAILBOX_FILE, `${JSON.stringify(email)}\n`);
  });
}, 50).unref();

execFileSync('npx', ['prisma', 'migrate', 'deploy'], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: databaseUrl },
  stdio: 'ignore',
});

const port = process.env.E2E_PORT;
if (!port || !process.env.E2E_SMPP_PORT) throw new Error('E2E_PORT and E2E_SMPP_PORT are set by tests/playwright.config.ts');
const app = spawn('node', ['build/index.js'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: port,
    PUBLIC_URL: `http://localhost:${port}`,
    DEMO_MODE: 'true',
    SMTP_URL: smtp.url,
    // An SMPP server the SMS spec starts on this port; until then the app retries the bind.
    SMS_URL: `smpp://brobygger:secret@127.0.0.1:${process.env.E2E_SMPP_PORT}`,
  },
});

function stop() {
  app.kill('SIGTERM');
  void smtp.stop();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
app.on('exit', (code) => process.exit(code ?? 0));
