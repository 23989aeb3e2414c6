import { describe, expect, it } from 'vitest';
import * as pairRoute from '~/routes/pairs.$id';
import * as meetingRoute from '~/routes/meetings.$id';
import { changeReleaseDates } from '~/domain/participants/release-date.server';
import { db } from '~/lib/db.server';
import { addDays, osloInstant, todayInOslo } from '~/lib/time';
import { createMeeting, createPair, createParticipant, createUser, createVolunteer } from '../../prisma/fixtures/factories';
import { renderRoute } from '../support/render-route';
import { getRequest, sessionCookieFor } from '../support/requests';

async function world() {
  const today = todayInOslo();
  const officer = await createUser(db, { role: 'PROBATION_OFFICER' });
  const volunteerUser = await createUser(db, { role: 'VOLUNTEER' });
  const volunteer = await createVolunteer(db, { userId: volunteerUser.id, status: 'READY' });
  const participant = await createParticipant(db, {
    referrerId: officer.id,
    firstName: 'Vebjørn',
    status: 'MATCHED',
    expectedReleaseDate: addDays(today, 40),
  });
  const pair = await createPair(db, { participantId: participant.id, volunteerId: volunteer.id, startDate: addDays(today, -30) });
  return { today, officer: { id: officer.id, role: 'PROBATION_OFFICER' as const }, volunteerUser, participant, pair };
}

describe("the pair page's meeting list", () => {
  it('marks a gate meeting, as the meeting page does', async () => {
    const { today, volunteerUser, pair } = await world();
    const gate = await createMeeting(db, { pairId: pair.id, startsAt: osloInstant(addDays(today, 40), '08:00'), placeType: 'OTHER' });
    await db.meeting.update({ where: { id: gate.id }, data: { gateMeeting: true } });
    await createMeeting(db, { pairId: pair.id, startsAt: osloInstant(addDays(today, 10), '14:00'), placeType: 'PRISON_VISIT' });
    const request = getRequest(`/pairs/${pair.id}`, await sessionCookieFor(volunteerUser.id));
    const { status, html } = await renderRoute(request, pairRoute as never, 'pairs/:id');
    expect(status).toBe(200);
    const items = html.split('<li class="timeline__item').slice(1);
    expect(items).toHaveLength(2);
    // Newest first: the gate meeting carries the badge, the prison visit does not.
    expect(items[0]).toContain('Ved porten');
    expect(items[1]).not.toContain('Ved porten');
  });
});

describe('a meeting flagged by a moved release date', () => {
  it('opens the move form on the meeting page with a place type that fits its date, and names the date in force', async () => {
    const { today, officer, volunteerUser, participant, pair } = await world();
    const visit = await createMeeting(db, {
      pairId: pair.id,
      startsAt: osloInstant(addDays(today, 30), '14:00'),
      placeType: 'PRISON_VISIT',
      place: 'Besøksrommet',
    });
    const { flagged } = await changeReleaseDates(null, officer, participant.id, {
      earliestReleaseDate: null,
      expectedReleaseDate: addDays(today, 20),
      actualReleaseDate: null,
      reason: 'Prøveløslatelse innvilget',
    });
    expect(flagged).toBe(1);
    const cookie = await sessionCookieFor(volunteerUser.id);
    const pairPage = await renderRoute(getRequest(`/pairs/${pair.id}`, cookie), pairRoute as never, 'pairs/:id');
    expect(pairPage.html).toContain('Løslatelsesdatoen er flyttet: dette fengselsbesøket er etter løslatelsen.');
    const { html } = await renderRoute(getRequest(`/meetings/${visit.id}`, cookie), meetingRoute as never, 'meetings/:id');
    expect(html).toContain('Løslatelsesdatoen er flyttet: dette fengselsbesøket er etter løslatelsen.');
    expect(html).toMatch(/<details class="more" open="">\s*<summary>[^<]*<\/summary><form[^>]*id="move-meeting"/);
    // The place type offered is a community one (the first allowed on that date), the prison place cleared.
    expect(html).toMatch(/<option value="CAFE" selected="">/);
    expect(html).not.toContain('value="Besøksrommet"');
  });
});
