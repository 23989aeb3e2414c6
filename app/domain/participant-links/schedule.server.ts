import { getSetting } from '~/domain/settings/settings.server';
import { currentTime } from '~/lib/clock';
import type { Db } from '~/lib/db.server';
import { addMonths, todayInOslo } from '~/lib/time';
import { notifySmsOutbox } from '~/domain/sms/outbox.server';
import { deliverParticipantLink } from './delivery.server';
import { issueLink } from './links.server';
import { closureSurveyDue, fitCheckDue, pulseRound, type LinkPurpose } from './purposes';

/**
 * Issues the links that are due on the slot's day: the fit check a month into an active pair,
 * a pulse each interval, and the closure survey after a pair ended. Each has a due key (pair
 * and round), so reruns and parallel instances issue it once. Each goes by text when it may.
 */
export async function issueDueParticipantLinks(db: Db, day: Date, now = currentTime()) {
  const today = todayInOslo(day);
  const weeks = await getSetting(db, 'pulseIntervalWeeks');
  const pairs = await db.pair.findMany({
    where: {
      participant: { anonymisedAt: null },
      OR: [{ status: 'ACTIVE' }, { status: 'ENDED', endDate: { gte: addMonths(today, -1) } }],
    },
    select: { id: true, status: true, startDate: true, endDate: true },
  });
  const due: { pairId: string; purpose: LinkPurpose; dueKey: string }[] = [];
  for (const pair of pairs) {
    if (pair.status === 'ENDED') {
      if (pair.endDate && closureSurveyDue(pair.endDate, today))
        due.push({ pairId: pair.id, purpose: 'CLOSURE_SURVEY', dueKey: `closure:${pair.id}` });
      continue;
    }
    if (!pair.startDate) continue;
    if (fitCheckDue(pair.startDate, today)) due.push({ pairId: pair.id, purpose: 'FIT_CHECK', dueKey: `fit-check:${pair.id}` });
    const round = pulseRound(pair.startDate, today, weeks);
    if (round > 0) due.push({ pairId: pair.id, purpose: 'PULSE', dueKey: `pulse:${pair.id}:${round}` });
  }
  let issued = 0;
  let texted = false;
  for (const item of due) {
    const done = await db.$transaction(async (tx) => {
      const link = await issueLink(tx, { ...item, issuedById: null }, now);
      if (!link) return null;
      return deliverParticipantLink(tx, link);
    });
    if (done) issued += 1;
    if (done?.queued) texted = true;
  }
  if (texted) notifySmsOutbox();
  return { issued };
}
