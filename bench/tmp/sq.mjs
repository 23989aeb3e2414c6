import Database from 'better-sqlite3';
const db = new Database('/tmp/bb/base.db', { readonly: true }); if (process.env.P) db.exec(process.env.P);
console.log(db.prepare('SELECT startsAt, typeof(startsAt) FROM Meeting LIMIT 1').get());
const ids = db.prepare("SELECT id FROM Pair WHERE status='ACTIVE'").all().map((r) => r.id);
const start = '2026-10-31T23:00:00.000+00:00', end = '2026-11-30T23:00:00.000+00:00', now = '2026-11-22T15:00:00.000+00:00';
const sub = {
  held: `(SELECT COUNT(*) FROM "Meeting" m WHERE m."pairId" = p."id" AND m."status" = 'HELD' AND m."startsAt" >= '${start}' AND m."startsAt" < '${end}')`,
  planned: `(SELECT COUNT(*) FROM "Meeting" m WHERE m."pairId" = p."id" AND m."status" = 'PLANNED' AND m."startsAt" >= '${now}' AND m."startsAt" < '${end}')`,
  last: `(SELECT MAX(m."startsAt") FROM "Meeting" m WHERE m."pairId" = p."id" AND m."status" = 'HELD' AND m."startsAt" <= '${now}')`,
  concerns: `(SELECT COUNT(*) FROM "Concern" c WHERE c."pairId" = p."id" AND c."acknowledgedAt" IS NULL)`,
  support: `(SELECT COUNT(*) FROM "SupportContact" s WHERE s."pairId" = p."id" AND s."heldOn" IS NOT NULL)`,
  fit: `(SELECT COUNT(*) FROM "FitCheck" f WHERE f."pairId" = p."id")`,
};
for (const [k, e] of Object.entries(sub)) {
  const sql = `SELECT p.id, ${e} AS x FROM "Pair" p WHERE p.status = 'ACTIVE'`;
  const st = db.prepare(sql); st.all();
  const t = performance.now(); for (let i = 0; i < 10; i++) st.all();
  console.log(k, ((performance.now() - t) / 10).toFixed(2), 'ms', db.prepare('EXPLAIN QUERY PLAN ' + sql).all().map((r) => r.detail).join(' | '));
}
