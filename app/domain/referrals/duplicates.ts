/**
 * A referral of someone who may already be known (same name and date of birth) is saved only
 * once the referrer has confirmed it is another person.
 */
export function mustConfirmDuplicates(confirmed: boolean, possibleDuplicates: readonly unknown[]): boolean {
  return !confirmed && possibleDuplicates.length > 0;
}
