import { addDays, addMonths, todayInOslo } from '~/lib/time';
import { expect, expectAccessible, login, loginAs, test, waitForEmail } from './support';

test('a person applies, is screened and trained, becomes ready, is invited and signs in to /me', async ({ page }) => {
  // One long flow through many pages, each checked with axe, on a shared machine.
  test.setTimeout(240_000);
  const today = todayInOslo();
  const email = `ingrid-${Date.now()}@example.no`;
  const name = 'Ingrid Æsøy';

  // The public application.
  await page.goto('/apply');
  await expect(page.getByRole('heading', { name: 'Bli frivillig i Brobygger', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Fornavn').fill('Ingrid');
  await page.getByLabel('Etternavn').fill('Æsøy');
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Telefon').fill('+47 912 34 567');
  await page.getByLabel('Fødselsdato').fill('1988-03-14');
  await page.getByLabel('Kommune du bor i').fill('Malvik');
  await page.getByLabel('Interesser').fill('klatring, matlaging');
  await page.getByLabel('Språk du snakker').fill('norsk, engelsk');
  await page.getByLabel('Kvelder').check();
  await page.getByLabel('Hvorfor vil du bli frivillig?').fill('Jeg vil gjerne være en trygg voksen for en ung person.');
  await page.getByLabel(/Jeg samtykker/).check();
  await page.getByRole('button', { name: 'Send søknad' }).click();
  await expect(page.getByRole('status')).toHaveText('Takk for søknaden! Vi har sendt deg en bekreftelse på e-post.');
  await expectAccessible(page);
  const confirmation = await waitForEmail((e) => e.to.includes(email));
  expect(confirmation.subject).toBe('Takk for søknaden om å bli frivillig');

  // The coordinator finds the applicant on the board.
  await loginAs(page, 'COORDINATOR');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Frivillige' }).click();
  await expect(page.getByRole('heading', { name: 'Frivillige', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole('region', { name: /^Søkt \(\d+\)$/ })
    .getByRole('link', { name })
    .click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByText('Dette mangler før den frivillige kan matches:')).toBeVisible();
  await expectAccessible(page);

  // Interview and two references.
  await page.getByLabel('Dato for intervjuet').fill(today);
  await page.getByLabel('Resultat').selectOption('APPROVED');
  await page.getByRole('button', { name: 'Lagre intervju' }).click();
  await expect(page.getByRole('status')).toHaveText('Intervjuet er lagret.');
  for (const [referee, relation] of [
    ['Per Olsen', 'Tidligere leder'],
    ['Kari Li', 'Trener i klatreklubben'],
  ] as const) {
    await page.getByLabel('Navn på referansen').fill(referee);
    await page.getByLabel('Forhold til søkeren').fill(relation);
    await page.getByLabel('Vurdering', { exact: true }).selectOption('POSITIVE');
    await page.getByRole('button', { name: 'Legg til referanse' }).click();
    await expect(page.getByRole('status')).toHaveText('Referansen er lagret.');
    // The flash is the same for both references: wait for this one to be listed before going on.
    await expect(page.getByText(referee).first()).toBeVisible();
  }

  // A certificate older than three months when shown is refused; a fresh one is recorded.
  const stale = addDays(addMonths(today, -3), -1);
  await page.getByLabel('Utstedt dato').fill(stale);
  await page.getByLabel('Dato vist fram').fill(today);
  await page.getByRole('button', { name: 'Registrer politiattest' }).click();
  await expect(page.getByText(/var mer enn 3 måneder gammel da den ble vist/)).toBeVisible();
  await expect(page.getByLabel('Utstedt dato')).toHaveValue(stale);
  await expectAccessible(page);
  await page.getByLabel('Utstedt dato').fill(addDays(today, -14));
  await page.getByRole('button', { name: 'Registrer politiattest' }).click();
  await expect(page.getByRole('status')).toHaveText('Politiattesten er registrert.');
  await expect(page.getByText(/sett av Kari Nordmann/)).toBeVisible();
  await expect(page.getByText('Under vurdering', { exact: true })).toBeVisible();

  // Training: a course with a session yesterday, enrolment and attendance.
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByText('Mer', { exact: true }).click();
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Opplæring' }).click();
  await expect(page.getByRole('heading', { name: 'Opplæring', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Navn på kurset').fill('Grunnkurs e2e');
  await page.getByLabel('Sted', { exact: true }).fill('Røde Kors-huset, Trondheim');
  await page.getByLabel(/Medledere/).fill('Kriminalomsorgen Trøndelag');
  await page.getByLabel('Timekrav for å fullføre').fill('2');
  await page.getByRole('button', { name: 'Opprett kurs' }).click();
  await expect(page.getByRole('heading', { name: 'Grunnkurs e2e', level: 1 })).toBeVisible();
  await page.getByLabel('Dato', { exact: true }).fill(addDays(today, -1));
  await page.getByLabel('Klokkeslett').fill('17:00');
  await page.getByLabel('Timer', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Legg til samling' }).click();
  await expect(page.getByRole('status')).toHaveText('Samlingen er lagt til.');
  await page.getByLabel('Frivillig', { exact: true }).selectOption({ label: name });
  await page.getByRole('button', { name: 'Meld på' }).click();
  await expect(page.getByRole('status')).toHaveText('Den frivillige er påmeldt.');
  await page.getByRole('checkbox', { name }).check();
  await page.getByRole('button', { name: /^Lagre oppmøte/ }).click();
  await expect(page.getByRole('status')).toHaveText('Oppmøtet er lagret.');
  await expect(page.getByRole('link', { name: `${name}: 2 av 2 timer` })).toBeVisible();
  await expectAccessible(page);

  // Ready, and invited.
  await page.getByRole('link', { name: `${name}: 2 av 2 timer` }).click();
  await expect(page.getByText('Alle steg er fullført. Den frivillige kan matches.')).toBeVisible();
  await expect(page.getByText('Klar', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Inviter til å logge inn' }).click();
  await expect(page.getByRole('status')).toHaveText(`Invitasjonen er sendt til ${email}.`);
  await expectAccessible(page);
  await page.goto('/volunteers');
  await expect(page.getByRole('region', { name: /^Klar \(\d+\)$/ }).getByRole('link', { name })).toBeVisible();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/login$/); // signed out before the next step navigates

  // The volunteer accepts the invitation and lands on /me.
  const invitation = await waitForEmail((e) => e.to.includes(email) && e.subject === 'Invitasjon til Brobygger');
  const link = /http:\/\/localhost:\d+(\/invite\/[\w-]+)/.exec(invitation.text)?.[1];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await expectAccessible(page);
  const password = 'klatring og kaffe på Solsiden';
  await page.getByLabel('Navn', { exact: true }).fill(name);
  await page.getByLabel('Passord', { exact: true }).fill(password);
  await page.getByLabel('Gjenta passordet').fill(password);
  await page.getByRole('button', { name: 'Opprett konto' }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('heading', { name: 'Mine møter', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/login$/); // signed out before the next step navigates
  await login(page, email, password);
  await expect(page).toHaveURL(/\/me$/);
});

test('the board is for coordinators only', async ({ page }) => {
  await loginAs(page, 'VOLUNTEER');
  const response = await page.goto('/volunteers');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Ingen tilgang' })).toBeVisible();
  await expectAccessible(page);
});

test('the board and a volunteer page work on a 360 px wide phone, with stuck volunteers marked', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await loginAs(page, 'COORDINATOR');
  await page.goto('/volunteers');
  const screening = page.getByRole('region', { name: /^Intervju og referanser \(\d+\)$/ });
  await expect(screening.getByRole('listitem').filter({ hasText: 'Camilla Sve' })).toContainText('Står fast');
  await expect(page.getByRole('region', { name: /^Politiattest \(\d+\)$/ }).getByRole('link', { name: 'Anders Kvam' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await screening.getByRole('link', { name: 'Camilla Sve' }).click();
  await expect(page.getByRole('heading', { name: 'Camilla Sve', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
});
