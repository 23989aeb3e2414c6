import { describe, expect, it } from 'vitest';
import { getSetting, getSettings, setSetting } from '~/domain/settings/settings.server';
import { db } from '~/lib/db.server';

describe('programme settings', () => {
  it('falls back to the default, stores a valid value and refuses an invalid one', async () => {
    expect(await getSetting(db, 'minVolunteerAge')).toBe(25);
    await setSetting(db, 'minVolunteerAge', 30);
    expect(await getSetting(db, 'minVolunteerAge')).toBe(30);
    await expect(setSetting(db, 'meetingsPerMonth', 0)).rejects.toThrow();
    expect((await getSettings(db)).meetingsPerMonth).toBe(4);
  });
});
