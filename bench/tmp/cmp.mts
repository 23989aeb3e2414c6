import { db } from '~/lib/db.server';
import { recruitmentStatus } from '~/domain/recruitment/recruitment.server';
import { recruitmentStatus as old } from './old-recruitment.server';
for (const when of ['2026-11-22T12:00:00Z', '2026-03-01T12:00:00Z', '2025-06-30T21:00:00Z', '2024-10-01T00:00:00Z']) {
  const now = new Date(when);
  const a = JSON.stringify(await recruitmentStatus(db, now)); const b = JSON.stringify(await old(db, now));
  console.log(when, a === b ? 'same' : `DIFF\n${a}\n${b}`);
}
let t = performance.now(); for (let i = 0; i < 20; i++) await recruitmentStatus(db); console.log('new', ((performance.now() - t) / 20).toFixed(1));
t = performance.now(); for (let i = 0; i < 20; i++) await old(db); console.log('old', ((performance.now() - t) / 20).toFixed(1));
