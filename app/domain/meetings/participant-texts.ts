import type { Language } from '~/lib/i18n';
import { formatDateTime } from '~/lib/time';
import { mentionsSensitiveTopic } from '~/domain/sms/sensitive';
import type { PlaceType } from './constants';

/**
 * What the programme texts a participant about a meeting: time and place only, never a name, a
 * plan, a note or anything about health or the sentence (the SMS channel's own texts are in
 * app/domain/sms/texts.ts). Participants have no language setting, so these go in Norwegian.
 */
const PLACE_WORDS: Record<Language, Record<PlaceType, string>> = {
  nb: { PRISON_VISIT: '', CAFE: 'kafé', OUTDOORS: 'ute', ACTIVITY: 'aktivitet', OTHER: 'avtalt sted' },
  en: { PRISON_VISIT: '', CAFE: 'café', OUTDOORS: 'outdoors', ACTIVITY: 'activity', OTHER: 'the agreed place' },
};

export interface MeetingForText {
  startsAt: Date;
  placeType: PlaceType;
  place: string | null;
}

/** The place as typed, unless it says more than a place should (then only its kind). */
function placeOf(meeting: MeetingForText, language: Language): string {
  const typed = meeting.place?.trim();
  return typed && !mentionsSensitiveTopic(typed) ? typed : PLACE_WORDS[language][meeting.placeType];
}

const ANSWER = {
  nb: 'Svar JA (1) hvis du kommer, NEI (2) hvis du ikke kan.',
  en: 'Reply YES (1) if you are coming, NO (2) if you cannot.',
};

export function reminderText(kind: 'DAY_BEFORE' | 'TWO_HOURS', meeting: MeetingForText, language: Language = 'nb'): string {
  const when = formatDateTime(meeting.startsAt, language);
  const place = placeOf(meeting, language);
  if (language === 'en') {
    return kind === 'DAY_BEFORE'
      ? `Hi! Reminder: you meet your volunteer tomorrow, ${when}, ${place}. ${ANSWER.en} Brobygger`
      : `Hi! In two hours, ${when}, you meet your volunteer: ${place}. ${ANSWER.en} Brobygger`;
  }
  return kind === 'DAY_BEFORE'
    ? `Hei! Påminnelse: du møter den frivillige din i morgen, ${when}, ${place}. ${ANSWER.nb} Brobygger`
    : `Hei! Om to timer, ${when}, møter du den frivillige din: ${place}. ${ANSWER.nb} Brobygger`;
}

export function meetingMovedText(meeting: MeetingForText, language: Language = 'nb'): string {
  const when = formatDateTime(meeting.startsAt, language);
  return language === 'en'
    ? `Hi! Your meeting with your volunteer has moved to ${when}, ${placeOf(meeting, language)}. ${ANSWER.en} Brobygger`
    : `Hei! Møtet med den frivillige din er flyttet til ${when}, ${placeOf(meeting, language)}. ${ANSWER.nb} Brobygger`;
}

export function meetingCancelledText(meeting: MeetingForText, language: Language = 'nb'): string {
  const when = formatDateTime(meeting.startsAt, language);
  return language === 'en'
    ? `Hi! Your meeting with your volunteer ${when} is cancelled. Your volunteer will be in touch about a new time. Brobygger`
    : `Hei! Møtet med den frivillige din ${when} er avlyst. Den frivillige tar kontakt om en ny tid. Brobygger`;
}
