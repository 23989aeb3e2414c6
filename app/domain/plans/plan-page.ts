import type { SerializeFrom } from '@remix-run/node';
import type { IsoDate } from '~/lib/time';
import { compareAreas } from './plan-content';
import type { viewPlan } from './plans.server';

type PlanAndProgress = Awaited<ReturnType<typeof viewPlan>>;

/** What the plan page shows, from the plan read and what the viewer may do with it. */
export function planPageView(
  input: PlanAndProgress & {
    participant: { id: string; firstName: string; lastName: string };
    canEdit: boolean;
    canHandover: boolean;
    offerHandover: boolean;
    editing: boolean;
    showMeetingActivity: boolean;
    today: IsoDate;
  },
) {
  const { plan, progress } = input;
  return {
    participant: { id: input.participant.id, name: `${input.participant.firstName} ${input.participant.lastName}` },
    canEdit: input.canEdit,
    canHandover: input.canHandover,
    offerHandover: input.offerHandover,
    editing: input.canEdit && input.editing,
    plan: plan && {
      current: plan.current,
      versions: plan.versions,
      areas: plan.areas,
      comparison: plan.compared ? { number: plan.compared.number, rows: compareAreas(plan.compared.areas, plan.areas) } : null,
    },
    reviews: progress.reviews,
    latest: progress.latest,
    workedOn: input.showMeetingActivity ? progress.workedOn : null,
    today: input.today,
  };
}

export type PlanPageData = SerializeFrom<typeof planPageView>;
