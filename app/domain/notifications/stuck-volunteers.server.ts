import type { DigestSection } from './digest-section';
import { translator } from '~/lib/i18n';
import { BOARD_STAGES, STUCK_AFTER_DAYS } from '~/domain/volunteers/readiness';
import { loadPipeline } from '~/domain/volunteers/volunteers.server';

/** Weekly digest: how many volunteers have been in a working stage for more than 14 days (counts, no names). */
export const stuckVolunteersSection: DigestSection = async (db, now, language) => {
  const stuck = (await loadPipeline(now, db)).filter((card) => card.stuck);
  if (stuck.length === 0) return null;
  const t = translator(language);
  return {
    title: t('volunteers.digest.title', { days: STUCK_AFTER_DAYS, count: stuck.length }),
    lines: BOARD_STAGES.map((stage) => ({ stage, count: stuck.filter((card) => card.stage === stage).length }))
      .filter(({ count }) => count > 0)
      .map(({ stage, count }) => t('volunteers.digest.line', { stage: t(`volunteers.stage.${stage}`), count })),
  };
};
