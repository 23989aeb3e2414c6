import type { FieldMetadata } from '@conform-to/react';
import { ChoiceGroup } from '~/components/choice-group';
import { useT } from '~/components/use-translation';
import { isIsoDate, OCCURRENCES, resolveOsloTime } from '~/lib/time';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Next to a date and time field: when the clocks show that time twice (the last Sunday of
 * October, 02:00–02:59), asks which one is meant, in plain words. Hidden otherwise; the server
 * refuses such a time without an answer, and the message appears here.
 */
export function FoldChoice({ meta, date, time }: { meta: FieldMetadata<unknown>; date: unknown; time: unknown }) {
  const t = useT();
  const ambiguous =
    typeof date === 'string' &&
    typeof time === 'string' &&
    isIsoDate(date) &&
    TIME.test(time) &&
    resolveOsloTime(date, time).kind === 'fold';
  if (!ambiguous && !meta.errors?.length && !meta.initialValue) return null;
  return (
    <ChoiceGroup
      meta={meta}
      legend={t('localTime.foldLegend')}
      options={OCCURRENCES.map((value) => ({ value, label: t(`localTime.fold.${value}`) }))}
    />
  );
}
