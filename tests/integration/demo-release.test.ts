import { describe, expect, it } from 'vitest';
import { needsActionToday } from '~/domain/monitoring/needs-action.server';
import { pairMonths } from '~/domain/pairs/pair-month.server';
import { currentTime } from '~/lib/clock';
import { db } from '~/lib/db.server';
import { addDays, todayInOslo } from '~/lib/time';
import { seedDemoData } from '../../prisma/demo-seed';

describe('the demo data of release and holds (#21)', () => {
  it('has a moved release date with its history, a flagged meeting, a pair on hold and clearances expiring soon', async () => {
    await seedDemoData(db);
    const now = currentTime();
    const today = todayInOslo(now);
    const moved = await db.participant.findFirstOrThrow({
      where: { firstName: 'Amir' },
      include: { releaseDateChanges: { orderBy: { createdAt: 'asc' } } },
    });
    expect(moved.releaseDateChanges.map((change) => [change.fromDate, change.toDate])).toEqual([
      [null, addDays(moved.expectedReleaseDate, 30)],
      [addDays(moved.expectedReleaseDate, 30), moved.expectedReleaseDate],
    ]);
    expect(await db.meeting.count({ where: { pair: { participantId: moved.id }, replanReason: 'PRISON_AFTER_RELEASE' } })).toBe(1);

    const onHold = await db.pair.findMany({ where: { status: 'ON_HOLD' }, include: { holds: true } });
    expect(onHold).toHaveLength(1);
    expect(onHold[0]!.holds).toMatchObject([{ reason: 'CUSTODY', untilDate: null }]);
    const months = await pairMonths(db, now);
    expect(months.find((month) => month.id === onHold[0]!.id)).toMatchObject({ onHold: true, behind: false, quiet: false });

    const needs = await needsActionToday(db, now, months);
    const expiring = needs.clearances.map((row) => row.expiresOn);
    expect(expiring).toEqual(expect.arrayContaining([addDays(today, 9), addDays(today, 18)]));
  });
});
