/** One definition per figure: the dashboard's month, notes on period vs now, the workbook, re-matches. */
export const nb = {
  'settings.countRematchesAsNewPairs': 'Regn nye matcher som nye par mot halvårsmålet',
  'figures.settings.countRematchesHint':
    'En ny match er et nytt par for en deltaker som allerede har hatt et aktivt eller avsluttet par. De vises alltid for seg.',

  'figures.digest.held': '{held} møter holdt denne måneden, {expected} forventet hittil (mål for hele måneden: {target})',
  'figures.digest.behind': '{count} par ligger bak det som var forventet hittil',

  'figures.dash.title': 'Møter denne måneden',
  'figures.dash.held': 'Møter holdt',
  'figures.dash.expected': 'Forventet hittil',
  'figures.dash.target': 'Mål for måneden',
  'figures.dash.behind': 'Par bak skjema',
  'figures.dash.lastMonth': 'Par som nådde målet forrige måned',
  'figures.dash.ofPairs': '{count} av {pairs}',
  'figures.dash.perPairMonth': 'Møter per par-måned dette halvåret',
  'figures.dash.monthNote':
    'Forventet hittil er hvert pars mål for måneden ganget med andelen av måneden som er over (dagen i dag teller først når den er over). Den 1. i måneden er ingen par bak skjema.',
  'figures.dash.behindLine': '{held} holdt, {expected} forventet hittil (mål {target})',

  'figures.funnel.participants': 'Deltakere dette halvåret',
  'figures.funnel.volunteers': 'Frivillige dette halvåret',
  'figures.funnel.note':
    'Telt som i rapporten for halvåret: henvist, akseptert, matchet og fullført så langt i halvåret. «Aktive nå» er dagens tall, ikke halvårets.',
  'figures.rematches.counted': '{count} nye matcher av deltakere som har hatt par før, regnet med som nye par (innstilling).',
  'figures.rematches.notCounted': '{count} nye matcher av deltakere som har hatt par før, ikke regnet som nye par (innstilling).',

  'reports.metric.pairsRematched': 'Nye matcher (deltaker hadde par før)',
  'figures.report.periodNote':
    'Rapporten teller det som skjedde i perioden. Oversikten viser også tall for i dag (aktive nå, denne måneden); der de skiller seg, står det hvorfor ved tallet.',
  'figures.report.note.participantsAccepted': 'Hver deltaker én gang, akseptert i perioden.',
  'figures.report.note.volunteersReady': 'Ble klare i perioden og er fortsatt klare.',
  'figures.report.note.volunteersActive': 'Hadde et aktivt par en gang i perioden; oversikten viser de som er aktive nå.',
  'figures.report.note.pairsStartedCounted':
    'Nye par i perioden, nye matcher regnet med (innstilling). Samme tall som halvårsmålet på oversikten.',
  'figures.report.note.pairsStartedNotCounted':
    'Nye par i perioden, uten nye matcher (innstilling). Samme tall som halvårsmålet på oversikten.',
  'figures.report.note.meetingsHeld': 'I perioden; oversikten viser denne måneden.',
  'figures.report.note.meetingsPerPairMonth': 'Møter holdt delt på månedene parene var aktive i perioden, fram til i dag.',

  'figures.xlsx.download': 'Last ned Excel (.xlsx)',
  'figures.xlsx.csvNote':
    'Excel-filen har tall som tall og overskrifter på ditt språk. CSV-filen er for maskiner: RFC 4180 med komma som skilletegn og punktum som desimaltegn.',
  'figures.xlsx.period': 'Periode',
  'figures.xlsx.figure': 'Tall',
  'figures.xlsx.value': 'Verdi',
  'figures.xlsx.note': 'Merknad',
  'figures.xlsx.key': 'Nøkkel',

  'figures.training.stepNoCourse': 'Fullført grunnkurs (ikke påmeldt et kurs ennå)',
} as const;

export const en: Record<keyof typeof nb, string> = {
  'settings.countRematchesAsNewPairs': 'Count re-matches as new pairs towards the half-year target',
  'figures.settings.countRematchesHint':
    'A re-match is a new pair for a participant who already had an active or ended pair. Re-matches are always shown apart.',

  'figures.digest.held': '{held} meetings held this month, {expected} expected by today (target for the whole month: {target})',
  'figures.digest.behind': '{count} pairs are behind what was expected by today',

  'figures.dash.title': 'Meetings this month',
  'figures.dash.held': 'Meetings held',
  'figures.dash.expected': 'Expected by today',
  'figures.dash.target': 'Target for the month',
  'figures.dash.behind': 'Pairs behind',
  'figures.dash.lastMonth': 'Pairs that reached the target last month',
  'figures.dash.ofPairs': '{count} of {pairs}',
  'figures.dash.perPairMonth': 'Meetings per pair-month this half-year',
  'figures.dash.monthNote':
    "Expected by today is each pair's target for the month times the share of the month that is over (today counts once it is over). On the 1st of a month no pair is behind.",
  'figures.dash.behindLine': '{held} held, {expected} expected by today (target {target})',

  'figures.funnel.participants': 'Participants this half-year',
  'figures.funnel.volunteers': 'Volunteers this half-year',
  'figures.funnel.note':
    'Counted as the report counts the half-year: referred, accepted, matched and completed so far in the half-year. "Active now" is today\'s figure, not the half-year\'s.',
  'figures.rematches.counted': '{count} re-matches of participants who had a pair before, counted as new pairs (setting).',
  'figures.rematches.notCounted': '{count} re-matches of participants who had a pair before, not counted as new pairs (setting).',

  'reports.metric.pairsRematched': 'Re-matches (participant had a pair before)',
  'figures.report.periodNote':
    'The report counts what happened in the period. The dashboard also shows figures for today (active now, this month); where they differ, the reason is given next to the figure.',
  'figures.report.note.participantsAccepted': 'Each participant once, accepted in the period.',
  'figures.report.note.volunteersReady': 'Became ready in the period and are still ready.',
  'figures.report.note.volunteersActive': 'Had an active pair at some point in the period; the dashboard shows those active now.',
  'figures.report.note.pairsStartedCounted':
    'New pairs in the period, re-matches included (setting). The same figure as the half-year target on the dashboard.',
  'figures.report.note.pairsStartedNotCounted':
    'New pairs in the period, re-matches not included (setting). The same figure as the half-year target on the dashboard.',
  'figures.report.note.meetingsHeld': 'In the period; the dashboard shows this month.',
  'figures.report.note.meetingsPerPairMonth': 'Meetings held divided by the months the pairs were active in the period, up to today.',

  'figures.xlsx.download': 'Download Excel (.xlsx)',
  'figures.xlsx.csvNote':
    'The Excel file has numbers as numbers and headers in your language. The CSV file is for machines: RFC 4180 with comma separators and dot decimals.',
  'figures.xlsx.period': 'Period',
  'figures.xlsx.figure': 'Figure',
  'figures.xlsx.value': 'Value',
  'figures.xlsx.note': 'Note',
  'figures.xlsx.key': 'Key',

  'figures.training.stepNoCourse': 'Basic course completed (not enrolled in a course yet)',
};
