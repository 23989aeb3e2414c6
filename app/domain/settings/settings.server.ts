import { z } from 'zod';
import type { Tx } from '~/lib/db.server';

/**
 * Programme-wide settings, stored in the Setting table as JSON, each with a zod schema and a
 * default. Read with getSetting; the coordinator changes them at /settings.
 */
export const SETTINGS = {
  /** Volunteers in this programme are at least this old. */
  minVolunteerAge: { schema: z.number().int().min(18).max(99), default: 25 },
  /** The monthly target of meetings per active pair (prorated in the first and last month). */
  meetingsPerMonth: { schema: z.number().int().min(1).max(31), default: 4 },
  /** Participant data is anonymised this many months after the pair ended or the referral was declined. */
  retentionMonths: { schema: z.number().int().min(1).max(240), default: 24 },
  /** The programme-level target group over the project period. */
  programmeTargetParticipants: { schema: z.number().int().min(0).max(100_000), default: 40 },
  /** Minimum training hours before a first match. */
  minTrainingHoursBeforeMatch: { schema: z.number().min(0).max(100), default: 2 },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

export async function getSetting<K extends SettingKey>(db: Tx, key: K): Promise<SettingValue<K>> {
  const row = await db.setting.findUnique({ where: { key } });
  const parsed = row ? SETTINGS[key].schema.safeParse(row.value) : null;
  return (parsed?.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

export async function getSettings(db: Tx): Promise<{ [K in SettingKey]: SettingValue<K> }> {
  const rows = await db.setting.findMany();
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
