import { json } from '@remix-run/node';
import { db } from '~/lib/db.server';

/** 200 {"ok":true} when the app and the database answer; 503 otherwise. */
export async function loader() {
  try {
    await db.$queryRaw`SELECT 1`;
    return json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return json({ ok: false }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
