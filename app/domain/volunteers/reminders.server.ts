import { writeInBatches, type Db } from '~/lib/db.server';
import { enqueueEmail } from '~/lib/email.server';
import { isLanguage } from '~/lib/i18n';
import { addDays, formatDate, osloTime, startOfOsloDay, todayInOslo } from '~/lib/time';
import { currentTime } from '~/lib/clock';

export const COURSE_REMINDER_DAYS_BEFORE = 2;

/**
 * Reminds every enrolled volunteer (not paused or left) of a training session two Oslo days
 * ahead. One email per session and volunteer, whatever the number of runs.
 */
export async function queueCourseReminders(db: Db, now = currentTime()): Promise<number> {
  const day = addDays(todayInOslo(now), COURSE_REMINDER_DAYS_BEFORE);
  const sessions = await db.trainingSession.findMany({
    where: { startsAt: { gte: startOfOsloDay(day), lt: startOfOsloDay(addDays(day, 1)) } },
    include: {
      course: {
        include: {
          enrolments: {
            where: { volunteer: { status: { notIn: ['PAUSED', 'LEFT'] }, anonymisedAt: null } },
            include: { volunteer: { select: { id: true, email: true, userId: true, user: { select: { language: true, email: true } } } } },
          },
        },
      },
    },
  });
  let queued = 0;
  const reminders = sessions.flatMap((session) => session.course.enrolments.map(({ volunteer }) => ({ session, volunteer })));
  await writeInBatches(db, reminders, async (tx, { session, volunteer }) => {
    const language = isLanguage(volunteer.user?.language) ? volunteer.user.language : 'nb';
    const idempotencyKey = `course-reminder:${session.id}:${volunteer.id}`;
    if (await tx.outboxEmail.findUnique({ where: { idempotencyKey }, select: { id: true } })) return;
    await enqueueEmail(tx, {
      to: volunteer.user?.email ?? volunteer.email,
      userId: volunteer.userId,
      template: 'training-reminder',
      data: {
        courseTitle: session.course.title,
        date: formatDate(session.startsAt, language),
        time: osloTime(session.startsAt),
        place: session.course.place,
      },
      language,
      idempotencyKey,
    });
    queued += 1;
  });
  return queued;
}
