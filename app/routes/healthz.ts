import { json } from '@remix-run/node';
import { databaseAnswers } from '~/domain/monitoring/health.server';

/** 200 {"ok":true} when the app and the database answer; 503 otherwise. */
export async function loader() {
  if (await databaseAnswers()) return json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  return json({ ok: false }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
}
