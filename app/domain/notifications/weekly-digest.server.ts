import { pairsDigestSection } from '~/domain/figures/summaries.server';
import { stuckVolunteersSection } from './stuck-volunteers.server';
import type { DigestSection, DigestSectionContent } from './digest-section';
import type { Db } from '~/lib/db.server';
import { enqueueEmail } from '~/lib/email.server';
import { isLanguage } from '~/lib/i18n';
import { todayInOslo } from '~/lib/time';
import { currentTime } from '~/lib/clock';

/** The digest's sections, in the order they appear. */
export const WEEKLY_DIGEST_SECTIONS: DigestSection[] = [pairsDigestSection, stuckVolunteersSection];

/**
 * One email per active coordinator with every section that has something to say. The figures
 * are the dashboard's at `now` (when the email is written, also for a late run); the key is per
 * coordinator and the slot's Oslo day, so a rerun of the same slot queues nothing twice.
 */
export async function sendWeeklyDigest(db: Db, now = currentTime(), sections = WEEKLY_DIGEST_SECTIONS, slot = now): Promise<number> {
  const coordinators = await db.user.findMany({
    where: { role: 'COORDINATOR', deactivatedAt: null },
    select: { id: true, email: true, language: true },
  });
  let queued = 0;
  for (const coordinator of coordinators) {
    const language = isLanguage(coordinator.language) ? coordinator.language : 'nb';
    const contents: DigestSectionContent[] = [];
    for (const section of sections) {
      const content = await section(db, now, language);
      if (content) contents.push(content);
    }
    if (contents.length === 0) continue;
    const idempotencyKey = `weekly-digest:${coordinator.id}:${todayInOslo(slot)}`;
    if (await db.outboxEmail.findUnique({ where: { idempotencyKey }, select: { id: true } })) continue;
    await db.$transaction((tx) =>
      enqueueEmail(tx, {
        to: coordinator.email,
        userId: coordinator.id,
        template: 'weekly-digest',
        data: { sections: contents },
        language,
        idempotencyKey,
        urgent: true, // a digest is never held for the daily digest
      }),
    );
    queued += 1;
  }
  return queued;
}
