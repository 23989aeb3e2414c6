import { z } from 'zod';
import { resolveDatabaseUrl } from './database-url';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

// A known, public secret is acceptable only while demo mode is on; real deployments must
// bring their own (refused below).
const DEMO_SECRET = 'brobygger-demo-secret-not-for-production-use';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.string().optional().transform(resolveDatabaseUrl),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** The address links in emails and calendar feeds point at. In demo mode it defaults to localhost on PORT. */
    PUBLIC_URL: z.url().optional(),
    DEMO_MODE: booleanFlag.default(true),
    SESSION_SECRET: z.string().min(32).optional(),
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().min(3).default('Brobygger <ikke-svar@brobygger.example>'),
    /** The SMS gateway (SMPP 3.4): smpp://system_id:password@host:port. Without it SMS is off. */
    SMS_URL: z
      .string()
      .regex(/^smpps?:\/\/[^:@/\s]+:[^@/\s]*@[^:/\s]+:\d{1,5}\/?$/, { message: 'expected smpp://system_id:password@host:port' })
      .optional(),
    /** The sender texts show: up to 11 letters and digits, or a phone number. */
    SMS_SENDER: z
      .string()
      .regex(/^(?:[A-Za-z0-9 ]{1,11}|\+?\d{3,15})$/, { message: 'up to 11 letters and digits, or a phone number' })
      .default('Brobygger'),
    JOBS: z.enum(['inline', 'off']).default('inline'),
    /** Behind one reverse proxy: trust its X-Forwarded-Host/-Proto/-For (CSRF check, client address). */
    TRUST_PROXY: booleanFlag.default(false),
    BENCH_QUERY_COUNT: booleanFlag.default(false),
    /** With BENCH_QUERY_COUNT: log every query slower than this many milliseconds to stderr. */
    BENCH_SLOW_QUERY_MS: z.coerce.number().nonnegative().optional(),
    /** Demo and test only: the app's clock starts at this instant (app/lib/clock.ts). */
    CLOCK_AT: z.iso.datetime({ offset: true }).optional(),
    CLOCK_FROZEN: booleanFlag.default(false),
  })
  .superRefine((env, ctx) => {
    if (env.DEMO_MODE) return;
    if (env.CLOCK_AT && env.NODE_ENV !== 'test') {
      ctx.addIssue({ code: 'custom', path: ['CLOCK_AT'], message: 'a moved clock is for demo and test mode only' });
    }
    if (!env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'required when DEMO_MODE is off (at least 32 characters)' });
    }
    if (!env.PUBLIC_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message: 'required when DEMO_MODE is off (the address people open, e.g. https://brobygger.example.org)',
      });
    }
    if (!env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'required when DEMO_MODE is off' });
    }
  })
  .transform((env) => {
    // Demo mode without an explicit address: the links follow the port the app is served on.
    const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
    return {
      ...env,
      PUBLIC_URL: publicUrl,
      SESSION_SECRET: env.SESSION_SECRET ?? DEMO_SECRET,
      secureCookies: publicUrl.startsWith('https:'),
    };
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment; the server calls this at start-up so a bad setting stops it at once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
