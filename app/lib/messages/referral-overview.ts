/** The referral list at scale, the referrer's view of a referral, and withdrawal by the referrer. */
export const nb = {
  'referralList.search': 'Søk etter navn',
  'referralList.total': 'Henvisninger i alt: {count}',
  'referralList.matching': 'Henvisninger som passer: {count}',
  'referralList.caption': 'Henvisninger ({count} i alt), side {page} av {pages}',

  'referralDetails.person': 'Deltakeren',
  'referralDetails.name': 'Navn',
  'referralDetails.phone': 'Telefon',
  'referralDetails.email': 'E-post',
  'referralDetails.municipality': 'Kommune etter løslatelse',
  'referralDetails.interests': 'Interesser',
  'referralDetails.languages': 'Språk',
  'referralDetails.wishes': 'Andre ønsker for den frivillige',
  'referralDetails.needs': 'Behov',
  'referralDetails.note': 'Merknad til koordinatoren',
  'referralDetails.none': 'Ikke oppgitt',
  'referralDetails.planVersion': 'Versjon {number}, lagret {date}.',
  'referralDetails.planVersionBy': 'Versjon {number}, lagret {date} av {name}.',
  'referralDetails.planEmpty': 'Planen har ingen utfylte områder ennå.',
  'referralDetails.noPlan': 'Ingen plan er levert ennå.',

  'referralWithdraw.title': 'Trekke tilbake henvisningen',
  'referralWithdraw.offer':
    'Henvisningen venter på koordinatorens vurdering. Har situasjonen endret seg, kan du trekke den tilbake. Koordinatoren får beskjed.',
  'referralWithdraw.link': 'Trekk tilbake henvisningen',
  'referralWithdraw.decided':
    'Henvisningen er allerede vurdert og kan ikke trekkes tilbake her. Ta kontakt med koordinatoren hvis noe har endret seg.',
  'referralWithdraw.back': 'Tilbake til henvisningen',
  'referralWithdraw.heading': 'Trekk tilbake henvisningen av {name}',
  'referralWithdraw.referredOn': 'Henvist {date}.',
  'referralWithdraw.formTitle': 'Bekreft at du trekker tilbake henvisningen',
  'referralWithdraw.intro':
    'Deltakeren får status «Trukket seg» og blir ikke vurdert for en frivillig. Dette kan ikke angres; en ny henvisning må sendes hvis det blir aktuelt igjen. Koordinatoren får en e-post om at henvisningen er trukket, uten begrunnelsen.',
  'referralWithdraw.reason': 'Begrunnelse',
  'referralWithdraw.reasonHint': 'Kort, for eksempel «Deltakeren ønsker ikke lenger å delta». Vises for koordinatoren og deg.',
  'referralWithdraw.confirm': 'Jeg bekrefter at henvisningen skal trekkes tilbake',
  'referralWithdraw.confirmRequired': 'Kryss av for å bekrefte at henvisningen skal trekkes tilbake.',
  'referralWithdraw.submit': 'Trekk tilbake henvisningen',
  'referralWithdraw.cancel': 'Avbryt',
  'referralWithdraw.notWithdrawable':
    'Henvisningen er vurdert i mellomtiden og kan ikke lenger trekkes tilbake. Ingenting er endret.',
  'referralWithdraw.done': 'Henvisningen er trukket tilbake. Koordinatoren har fått beskjed.',
} as const;

export const en: Record<keyof typeof nb, string> = {
  'referralList.search': 'Search by name',
  'referralList.total': 'Referrals in all: {count}',
  'referralList.matching': 'Referrals that match: {count}',
  'referralList.caption': 'Referrals ({count} in all), page {page} of {pages}',

  'referralDetails.person': 'The participant',
  'referralDetails.name': 'Name',
  'referralDetails.phone': 'Phone',
  'referralDetails.email': 'Email',
  'referralDetails.municipality': 'Municipality after release',
  'referralDetails.interests': 'Interests',
  'referralDetails.languages': 'Languages',
  'referralDetails.wishes': 'Other wishes for the volunteer',
  'referralDetails.needs': 'Needs',
  'referralDetails.note': 'Note to the coordinator',
  'referralDetails.none': 'Not given',
  'referralDetails.planVersion': 'Version {number}, saved on {date}.',
  'referralDetails.planVersionBy': 'Version {number}, saved on {date} by {name}.',
  'referralDetails.planEmpty': 'No area of the plan has been filled in yet.',
  'referralDetails.noPlan': 'No plan has been handed over yet.',

  'referralWithdraw.title': 'Withdrawing the referral',
  'referralWithdraw.offer':
    "The referral is waiting for the coordinator's review. If things have changed, you can withdraw it. The coordinator is told.",
  'referralWithdraw.link': 'Withdraw the referral',
  'referralWithdraw.decided':
    'The referral has already been reviewed and cannot be withdrawn here. Contact the coordinator if something has changed.',
  'referralWithdraw.back': 'Back to the referral',
  'referralWithdraw.heading': 'Withdraw the referral of {name}',
  'referralWithdraw.referredOn': 'Referred on {date}.',
  'referralWithdraw.formTitle': 'Confirm that you withdraw the referral',
  'referralWithdraw.intro':
    'The participant gets the status "Withdrawn" and will not be considered for a volunteer. This cannot be undone; a new referral is needed if it becomes relevant again. The coordinator gets an email saying the referral was withdrawn, without the reason.',
  'referralWithdraw.reason': 'Reason',
  'referralWithdraw.reasonHint': 'Short, for example "The participant no longer wants to take part". Shown to the coordinator and you.',
  'referralWithdraw.confirm': 'I confirm that the referral is to be withdrawn',
  'referralWithdraw.confirmRequired': 'Tick the box to confirm that the referral is to be withdrawn.',
  'referralWithdraw.submit': 'Withdraw the referral',
  'referralWithdraw.cancel': 'Cancel',
  'referralWithdraw.notWithdrawable': 'The referral was reviewed meanwhile and can no longer be withdrawn. Nothing has changed.',
  'referralWithdraw.done': 'The referral has been withdrawn. The coordinator has been told.',
};
