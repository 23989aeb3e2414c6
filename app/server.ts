/**
 * The process entry, compiled with the app into build/index.js (remix.config.js `server`).
 * It validates the environment, seeds demo data into an empty database in demo mode, serves
 * HTTP, runs the scheduled jobs in-process (or only the jobs, with --jobs-only), and shuts
 * down gracefully: stop scheduling, finish or release job claims, close the server, then
 * disconnect the database.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import * as build from '@remix-run/dev/server-build';
import type express from 'express';
import { startScheduler, type Scheduler } from '../jobs/scheduler';
import { seedDemoDataIfEmpty } from '../prisma/demo-seed';
import { db } from './lib/db.server';
import { transportFromEnv } from './lib/email-transport.server';
import { env } from './lib/env.server';
import { createHttpApp } from './lib/http-app.server';
import { startSmsGateway } from './domain/sms/gateway.server';
import { receiveIncoming } from './domain/meetings/text-replies.server';

const config = env();
const jobsOnly = process.argv.includes('--jobs-only');
const owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

if (config.DEMO_MODE && (await seedDemoDataIfEmpty(db))) {
  console.log('Demo mode: the empty database was filled with demo data.');
}

let scheduler: Scheduler | null = null;
if (jobsOnly || config.JOBS === 'inline') {
  const smsGateway = startSmsGateway(
    (message) => console.error(message),
    (incoming) => receiveIncoming(db, incoming),
  );
  scheduler = startScheduler({
    db,
    transport: transportFromEnv(),
    sms: smsGateway ? { gateway: smsGateway, sender: config.SMS_SENDER } : null,
    owner,
    publicUrl: config.PUBLIC_URL,
    log: (message) => console.error(message),
  });
}

let server: ReturnType<express.Express['listen']> | null = null;
if (!jobsOnly) {
  const app = createHttpApp({
    build,
    publicUrl: config.PUBLIC_URL,
    production: config.NODE_ENV === 'production',
    trustProxy: config.TRUST_PROXY,
  });
  server = app.listen(config.PORT, () => {
    console.log(`Brobygger listening on http://localhost:${config.PORT}${config.DEMO_MODE ? ' (demo mode)' : ''}`);
  });
}

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal}: shutting down`);
  await scheduler?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await db.$disconnect();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
