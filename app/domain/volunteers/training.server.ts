import type { z } from 'zod';
import type { Prisma } from '~/generated/prisma/client';
import { audit } from '~/lib/audit.server';
import { notFound } from '~/lib/permissions.server';
import { db, type Tx } from '~/lib/db.server';
import { osloDate, osloInstant, todayInOslo } from '~/lib/time';
import { courseCompleted } from './readiness';
import { NOT_ENROLLABLE_STATUSES, sessionOpen, type trainingSessionSchema } from './training';
import { auditVolunteer, withReadinessUpdate, type ChangeContext } from './volunteers.server';
import { lockForUpdate } from '~/lib/row-lock.server';

/** Hours each volunteer attended in a course's sessions. */
function attendedHours(
  sessions: { hours: number; attendance: { volunteerId: string; present: boolean }[] }[],
  volunteerId: string,
): number {
  return sessions
    .filter((session) => session.attendance.some((a) => a.volunteerId === volunteerId && a.present))
    .reduce((sum, session) => sum + session.hours, 0);
}

export async function listCourses() {
  const courses = await db.trainingCourse.findMany({
    include: {
      sessions: {
        orderBy: { startsAt: 'asc' },
        select: { startsAt: true, hours: true, attendance: { select: { volunteerId: true, present: true } } },
      },
      enrolments: { select: { volunteerId: true } },
    },
    orderBy: { createdAt: 'desc' },
  });
  return courses.map((course) => ({
    id: course.id,
    title: course.title,
    place: course.place,
    coLeaders: course.coLeaders,
    requiredHours: course.requiredHours,
    sessionCount: course.sessions.length,
    totalHours: course.sessions.reduce((sum, s) => sum + s.hours, 0),
    firstDate: course.sessions[0] ? osloDate(course.sessions[0].startsAt) : null,
    lastDate: course.sessions.at(-1) ? osloDate(course.sessions.at(-1)!.startsAt) : null,
    enrolled: course.enrolments.length,
    completed: course.enrolments.filter((e) =>
      courseCompleted({ requiredHours: course.requiredHours, attendedHours: attendedHours(course.sessions, e.volunteerId) }),
    ).length,
  }));
}

/** A new course and its audit row, both or neither. */
export async function createCourse(
  ctx: ChangeContext,
  input: { title: string; place: string; coLeaders?: string; requiredHours: number; description?: string },
) {
  return db.$transaction(async (tx) => {
    const course = await tx.trainingCourse.create({
      data: {
        title: input.title,
        place: input.place,
        coLeaders: input.coLeaders ?? null,
        requiredHours: input.requiredHours,
        description: input.description ?? null,
      },
    });
    await audit(tx, ctx.request, { actorId: ctx.actorId, action: 'CREATE', entityType: 'TRAINING', entityId: course.id });
    return course;
  });
}

/** mayEnrol as a query. */
const enrollable = { status: { notIn: [...NOT_ENROLLABLE_STATUSES] }, anonymisedAt: null } satisfies Prisma.VolunteerProfileWhereInput;

/** A course with its sessions, who is enrolled and their hours, and who could still enrol. */
export async function loadCourse(courseId: string) {
  const course = await db.trainingCourse.findUnique({
    where: { id: courseId },
    include: {
      sessions: { orderBy: { startsAt: 'asc' }, include: { attendance: { select: { volunteerId: true, present: true } } } },
      enrolments: {
        include: { volunteer: { select: { id: true, firstName: true, lastName: true, status: true } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  if (!course) return null;
  const enrolled = course.enrolments.map((enrolment) => {
    const hours = attendedHours(course.sessions, enrolment.volunteerId);
    return {
      volunteerId: enrolment.volunteerId,
      name: `${enrolment.volunteer.firstName} ${enrolment.volunteer.lastName}`,
      hours,
      completed: courseCompleted({ requiredHours: course.requiredHours, attendedHours: hours }),
    };
  });
  const candidates = await db.volunteerProfile.findMany({
    where: { ...enrollable, enrolments: { none: { courseId } } },
    select: { id: true, firstName: true, lastName: true },
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
  });
  return { course, enrolled, candidates };
}

async function addSession(
  tx: Tx,
  ctx: ChangeContext,
  input: { courseId: string; date: string; time: string; hours: number; topic?: string },
) {
  const session = await tx.trainingSession.create({
    data: { courseId: input.courseId, startsAt: osloInstant(input.date, input.time), hours: input.hours, topic: input.topic ?? null },
  });
  await audit(tx, ctx.request, {
    actorId: ctx.actorId,
    action: 'CREATE',
    entityType: 'TRAINING',
    entityId: input.courseId,
    detail: { session: session.id },
  });
}

/** Enrols a volunteer who may take courses (mayEnrol); false, with nothing written, for anyone else. */
export async function enrol(tx: Tx, ctx: ChangeContext, input: { courseId: string; volunteerId: string }): Promise<boolean> {
  // PostgreSQL: two enrolments of one volunteer take turns (SQLite: the write lock already does).
  await lockForUpdate(tx, 'VolunteerProfile', input.volunteerId);
  const volunteer = await tx.volunteerProfile.findFirst({ where: { id: input.volunteerId, ...enrollable }, select: { id: true } });
  if (!volunteer) return false;
  await withReadinessUpdate(tx, [input.volunteerId], ctx, async () => {
    await tx.enrolment.upsert({
      where: { courseId_volunteerId: { courseId: input.courseId, volunteerId: input.volunteerId } },
      create: { courseId: input.courseId, volunteerId: input.volunteerId },
      update: {},
    });
    await auditVolunteer(tx, ctx, 'CREATE', input.volunteerId, { enrolledIn: input.courseId });
  });
  return true;
}

export class SessionNotStartedError extends Error {}

/**
 * Attendance for one session: every enrolled volunteer is marked present or absent. A session
 * that has not happened yet (a later Oslo date) cannot be marked.
 */
export async function recordAttendance(
  tx: Tx,
  ctx: ChangeContext,
  input: { courseId: string; sessionId: string; presentVolunteerIds: string[] },
): Promise<boolean> {
  const session = await tx.trainingSession.findFirst({ where: { id: input.sessionId, courseId: input.courseId } });
  if (!session) return false;
  if (!sessionOpen(session.startsAt, todayInOslo(ctx.now))) throw new SessionNotStartedError();
  const enrolments = await tx.enrolment.findMany({ where: { courseId: input.courseId }, select: { volunteerId: true } });
  const ids = enrolments.map((e) => e.volunteerId);
  await withReadinessUpdate(tx, ids, ctx, async () => {
    for (const volunteerId of ids) {
      const present = input.presentVolunteerIds.includes(volunteerId);
      await tx.attendance.upsert({
        where: { sessionId_volunteerId: { sessionId: session.id, volunteerId } },
        create: { sessionId: session.id, volunteerId, present, recordedById: ctx.actorId },
        update: { present, recordedById: ctx.actorId },
      });
    }
    await audit(tx, ctx.request, {
      actorId: ctx.actorId,
      action: 'UPDATE',
      entityType: 'TRAINING',
      entityId: input.courseId,
      detail: { session: session.id, present: input.presentVolunteerIds.filter((id) => ids.includes(id)).length },
    });
  });
  return true;
}

/** The course a coordinator's change is about, or 404. */
export async function courseToChange(courseId: string) {
  const course = await db.trainingCourse.findUnique({ where: { id: courseId }, select: { id: true } });
  if (!course) notFound();
  return course;
}

/** What a coordinator changes on a course's page, named by the form's intent. */
export type CourseChange =
  | z.output<typeof trainingSessionSchema>
  | { intent: 'enrol'; volunteerId: string }
  | { intent: 'attendance'; sessionId: string; presentVolunteerIds: string[] };

/**
 * Makes one change on a course's page in a transaction of its own, with the readiness recount
 * and audit rows it brings (enrol and recordAttendance also compose inside a caller's
 * transaction). False, with nothing written, when the volunteer may not enrol or the session
 * is not the course's; SessionNotStartedError for attendance ahead of the session.
 */
export async function changeCourse(ctx: ChangeContext, courseId: string, change: CourseChange): Promise<boolean> {
  return db.$transaction(async (tx) => {
    switch (change.intent) {
      case 'session':
        await addSession(tx, ctx, { courseId, ...change });
        return true;
      case 'enrol':
        return enrol(tx, ctx, { courseId, volunteerId: change.volunteerId });
      case 'attendance':
        return recordAttendance(tx, ctx, { courseId, sessionId: change.sessionId, presentVolunteerIds: change.presentVolunteerIds });
    }
  });
}
