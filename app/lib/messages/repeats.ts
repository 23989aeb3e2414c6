/** What a person reads when a form was sent twice (a double tap, a resent request). */
export const nb = {
  'meetings.log.alreadyLogged': 'Møtet var allerede logget. Her er loggen.',
  'meetings.plan.alreadyPlanned': 'Møtene var allerede planlagt. Ingenting ble lagt til.',
  'meetings.plan.savedSomeExisting': 'Møter planlagt: {count}. {existing} var allerede planlagt.',
  'meetings.slotTaken': 'Paret har allerede et planlagt møte på det tidspunktet.',
  'repeats.alreadySaved': 'Dette var allerede lagret.',
} as const;

export const en: Record<keyof typeof nb, string> = {
  'meetings.log.alreadyLogged': 'This meeting was already logged. Here is the log.',
  'meetings.plan.alreadyPlanned': 'These meetings were already planned. Nothing was added.',
  'meetings.plan.savedSomeExisting': 'Meetings planned: {count}. {existing} were already planned.',
  'meetings.slotTaken': 'The pair already has a meeting planned at that time.',
  'repeats.alreadySaved': 'This was already saved.',
};
