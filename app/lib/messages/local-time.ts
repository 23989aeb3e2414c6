/** Times that the clocks skip or show twice (DST nights), and input refused at the door. */
export const nb = {
  'localTime.gap':
    'Denne natta stilles klokka fram en time (sommertid begynner): klokkeslettene {from}–{to} finnes ikke. Velg et annet klokkeslett.',
  'localTime.foldChoose':
    'Denne natta stilles klokka tilbake en time (vintertid begynner), så {from}–{to} kommer to ganger. Velg hvilken gang du mener.',
  'localTime.foldLegend': 'Hvilken gang?',
  'localTime.fold.first': 'Første gang (fortsatt sommertid)',
  'localTime.fold.second': 'Andre gang (etter at klokka er stilt tilbake, vintertid)',
  'input.controlCharacters': 'Teksten inneholder tegn som ikke kan lagres. Fjern dem og prøv igjen.',
} as const;

export const en: Record<keyof typeof nb, string> = {
  'localTime.gap':
    'This night the clocks go forward an hour (summer time begins): the times {from}–{to} do not exist. Choose another time.',
  'localTime.foldChoose':
    'This night the clocks go back an hour (winter time begins), so {from}–{to} happens twice. Choose which one you mean.',
  'localTime.foldLegend': 'Which one?',
  'localTime.fold.first': 'The first time (still summer time)',
  'localTime.fold.second': 'The second time (after the clocks go back, winter time)',
  'input.controlCharacters': 'The text contains characters that cannot be saved. Remove them and try again.',
};
