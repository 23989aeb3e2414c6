/** The release-day checklist, agreed before release: its items and their states, in order. */
export const CHECKLIST_ITEMS = ['HOUSING', 'NAV', 'GP', 'PROBATION_APPOINTMENT', 'PHONE', 'ID', 'OWN_ITEMS'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];
export const CHECKLIST_STATUSES = ['OPEN', 'AGREED', 'DONE'] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];
