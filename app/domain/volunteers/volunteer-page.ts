import type { SerializeFrom } from '@remix-run/node';
import { ageOn, type IsoDate } from '~/lib/time';
import { courseCompleted, requiredTrainingHours } from './readiness';
import { volunteerStatusSchema } from './status';
import type { loadVolunteer } from './volunteers.server';

type LoadedVolunteer = NonNullable<Awaited<ReturnType<typeof loadVolunteer>>>;

/** Everything the coordinator's page of one volunteer shows, from the volunteer's records. */
export function volunteerPageView(found: LoadedVolunteer, today: IsoDate) {
  const { volunteer: v, evaluation, days, minHours } = found;
  return {
    today,
    trainingHours: requiredTrainingHours(
      v.enrolments.map((e) => e.course),
      minHours,
    ),
    days,
    stage: evaluation.stage,
    readiness: { ready: evaluation.readiness.ready, done: evaluation.readiness.done },
    volunteer: {
      id: v.id,
      name: `${v.firstName} ${v.lastName}`,
      email: v.email,
      phone: v.phone,
      age: ageOn(v.dateOfBirth, today),
      municipality: v.municipality,
      interests: v.interests as string[],
      languages: v.languages as string[],
      availability: v.availability as string[],
      motivation: v.motivation,
      experience: v.experience,
      appliedAt: v.createdAt,
      status: volunteerStatusSchema.parse(v.status),
      capacity: v.capacity,
      pauseReason: v.pauseReason,
      leftReason: v.leftReason,
      account: v.user,
      openInvitation: v.invitations[0] ?? null,
    },
    interviews: v.interviews.map((i) => ({
      id: i.id,
      heldOn: i.heldOn,
      outcome: i.outcome,
      note: i.note,
      by: i.interviewer?.name ?? null,
    })),
    references: v.references.map((r) => ({
      id: r.id,
      name: r.name,
      relation: r.relation,
      phone: r.phone,
      contactedOn: r.contactedOn,
      outcome: r.outcome,
      note: r.note,
    })),
    certificates: v.certificates.map((c) => ({ id: c.id, issueDate: c.issueDate, shownDate: c.shownDate, seenBy: c.seenBy.name })),
    courses: v.enrolments.map((e) => {
      const hours = evaluation.courseHours.get(e.courseId) ?? 0;
      return {
        id: e.course.id,
        title: e.course.title,
        requiredHours: e.course.requiredHours,
        hours,
        completed: courseCompleted({ requiredHours: e.course.requiredHours, attendedHours: hours }),
      };
    }),
  };
}

export type VolunteerPageData = SerializeFrom<typeof volunteerPageView>;
