import { Link } from '@remix-run/react';
import type { VolunteerPageData } from '~/domain/volunteers/volunteer-page';
import { READINESS_STEPS } from '~/domain/volunteers/readiness';
import { formatDate } from '~/lib/time';
import { useLanguage, useT } from '../use-translation';

/** The volunteer's status, stage and why they paused or left. */
export function VolunteerHeader({ data }: { data: VolunteerPageData }) {
  const { volunteer } = data;
  const t = useT();
  return (
    <>
      <p>
        <Link to="/volunteers">{t('volunteers.back')}</Link>
      </p>
      <h1>{volunteer.name}</h1>
      <p>
        <span className="badge">{t(`volunteers.status.${volunteer.status}`)}</span>{' '}
        <span className="muted">
          {/* The stage only when it says more than the status ("Søkt", not "Søkt Søkt"). */}
          {t(`volunteers.stage.${data.stage}`) === t(`volunteers.status.${volunteer.status}`)
            ? null
            : `${t(`volunteers.stage.${data.stage}`)} · `}
          {t('volunteers.daysInStage', { days: data.days })}
        </span>
      </p>
      {volunteer.pauseReason && volunteer.status === 'PAUSED' ? (
        <p>{t('volunteers.pausedBecause', { reason: volunteer.pauseReason })}</p>
      ) : null}
      {volunteer.leftReason && volunteer.status === 'LEFT' ? <p>{t('volunteers.leftBecause', { reason: volunteer.leftReason })}</p> : null}
    </>
  );
}

export function ReadinessSection({ data }: { data: VolunteerPageData }) {
  const { readiness } = data;
  const t = useT();
  return (
    <section aria-labelledby="readiness-title" className="card">
      <h2 id="readiness-title">{t('volunteers.readiness')}</h2>
      <p>{readiness.ready ? t('volunteers.readinessReady') : t('volunteers.readinessMissing')}</p>
      <ul className="checklist">
        {READINESS_STEPS.map((step) => (
          <li key={step}>
            <span className={`badge ${readiness.done[step] ? 'badge--green' : 'badge--amber'}`}>
              {readiness.done[step] ? t('volunteers.stepDone') : t('volunteers.stepMissing')}
            </span>{' '}
            {step === 'training' && data.trainingHours === null
              ? t('figures.training.stepNoCourse')
              : t(`volunteers.step.${step}`, { hours: data.trainingHours ?? 0 })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ProfileSection({ volunteer }: { volunteer: VolunteerPageData['volunteer'] }) {
  const t = useT();
  const language = useLanguage();
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">{t('volunteers.profile')}</h2>
      <dl className="facts">
        <dt>{t('volunteers.email')}</dt>
        <dd>{volunteer.email}</dd>
        <dt>{t('volunteers.phone')}</dt>
        <dd>{volunteer.phone ?? '–'}</dd>
        <dt>{t('volunteers.ageLabel')}</dt>
        <dd>{t('volunteers.age', { age: volunteer.age })}</dd>
        <dt>{t('volunteers.municipality')}</dt>
        <dd>{volunteer.municipality}</dd>
        <dt>{t('volunteers.interests')}</dt>
        <dd>{volunteer.interests.join(', ') || '–'}</dd>
        <dt>{t('volunteers.languages')}</dt>
        <dd>{volunteer.languages.join(', ') || '–'}</dd>
        <dt>{t('volunteers.availability')}</dt>
        <dd>{volunteer.availability.map((a) => t(`volunteers.availability.${a as 'EVENINGS'}`)).join(', ') || '–'}</dd>
        <dt>{t('volunteers.motivation')}</dt>
        <dd className="prewrap">{volunteer.motivation ?? '–'}</dd>
        <dt>{t('volunteers.experience')}</dt>
        <dd className="prewrap">{volunteer.experience ?? '–'}</dd>
        <dt>{t('volunteers.applied')}</dt>
        <dd>{formatDate(new Date(volunteer.appliedAt), language)}</dd>
      </dl>
    </section>
  );
}

export function TrainingSection({ courses }: { courses: VolunteerPageData['courses'] }) {
  const t = useT();
  return (
    <section aria-labelledby="training-title">
      <h2 id="training-title">{t('volunteers.training')}</h2>
      {courses.length === 0 ? (
        <p>
          {t('volunteers.notEnrolled')} <Link to="/training">{t('training.title')}</Link>
        </p>
      ) : (
        <ul>
          {courses.map((c) => (
            <li key={c.id}>
              <Link to={`/training/${c.id}`}>
                {t('volunteers.trainingHours', { course: c.title, hours: c.hours, required: c.requiredHours })}
              </Link>
              {c.completed ? ' ' : null}
              {c.completed ? <span className="badge badge--green">{t('volunteers.trainingCompleted')}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
