import { z } from 'zod';
import { Prisma } from '~/generated/prisma/client';
import { audit } from '~/lib/audit.server';
import { db, type Tx } from '~/lib/db.server';
import { queryFirst } from '~/lib/sql.server';
import { SETTINGS } from './definitions';

export { SETTINGS };

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

export async function getSetting<K extends SettingKey>(db: Tx, key: K): Promise<SettingValue<K>> {
  // Read on most pages: plain SQL costs a quarter of Prisma's findUnique here (docs/performance.md).
  const row = await queryFirst(db, z.object({ value: z.unknown() }), Prisma.sql`SELECT "value" FROM "Setting" WHERE "key" = ${key}`);
  const parsed = row ? SETTINGS[key].schema.safeParse(row.value) : null;
  return (parsed?.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

export async function getSettings(client: Tx = db): Promise<{ [K in SettingKey]: SettingValue<K> }> {
  const rows = await client.setting.findMany();
  const values = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  return Object.fromEntries(
    (Object.keys(SETTINGS) as SettingKey[]).map((key) => {
      const parsed = SETTINGS[key].schema.safeParse(values[key]);
      return [key, parsed.success ? parsed.data : SETTINGS[key].default];
    }),
  ) as { [K in SettingKey]: SettingValue<K> };
}

export async function setSetting<K extends SettingKey>(db: Tx, key: K, value: SettingValue<K>): Promise<void> {
  const valid = SETTINGS[key].schema.parse(value);
  await db.setting.upsert({ where: { key }, create: { key, value: valid }, update: { value: valid } });
}

/** Saves several programme settings at once, with one audit row listing them, all or none. */
export async function saveSettings(
  request: Request | null,
  actorId: string,
  values: Partial<{ [K in SettingKey]: SettingValue<K> }>,
): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const key of Object.keys(values) as SettingKey[]) await setSetting(tx, key, values[key] as SettingValue<typeof key>);
    await audit(tx, request, { actorId, action: 'UPDATE', entityType: 'SETTINGS', detail: values });
  });
}
