/**
 * Words that say too much for a text a phone shows on its lock screen: health, drugs, the
 * sentence and the criminal-justice services. A text that mentions one is refused (the
 * volunteer is told why, next to the field) — a hint, not a guarantee, so the form says the
 * rule as well.
 */
const WHOLE_WORDS = [
  'dom',
  'dommen',
  'nav',
  'rus',
  'rusen',
  'lege',
  'legen',
  'soner',
  'sonet',
  'straff',
  'politi',
  'police',
  'jail',
  'drug',
  'drugs',
  'doctor',
  'prison',
  'parole',
  'sentence',
];
const WORD_STARTS = [
  'fengsel',
  'soning',
  'løslat',
  'prøveløs',
  'kriminalomsorg',
  'friomsorg',
  'psykolog',
  'psykiat',
  'medisin',
  'behandling',
  'diagnos',
  'sykehus',
  'probation',
  'medication',
  'therap',
  'hospital',
];

const WORD = /[\p{L}\p{N}]+/gu;

export function mentionsSensitiveTopic(text: string): boolean {
  const words = text.normalize('NFC').toLocaleLowerCase('nb').match(WORD) ?? [];
  return words.some((word) => WHOLE_WORDS.includes(word) || WORD_STARTS.some((start) => word.startsWith(start)));
}
