import { expect, test } from './support';
import { present } from '../support/present';

test('pages carry a nonce CSP the page’s own scripts satisfy, with no caching', async ({ page }) => {
  const response = await page.goto('/login');
  const headers = response!.headers();
  const nonce = /'nonce-([^']+)'/.exec(headers['content-security-policy'] ?? '')?.[1];
  expect(nonce).toBeTruthy();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['cache-control']).toBe('no-store');
  expect(headers['x-content-type-options']).toBe('nosniff');
  // Hydrated: the client-side app runs under the policy (a blocked script is a console error).
  await expect
    .poll(() => page.evaluate(() => '__remixContext' in window && document.querySelectorAll('script[nonce]').length > 0))
    .toBe(true);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Norsk' })).toBeVisible();
});

test('static assets keep long caching; a 404 carries the same headers', async ({ page, request }) => {
  const assets: string[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/build/')) assets.push(response.url());
  });
  await page.goto('/login');
  expect(assets.length).toBeGreaterThan(0);
  const asset = await request.get(present(assets[0], 'a /build/ asset'));
  expect(asset.headers()['cache-control']).toContain('immutable');
  expect(asset.headers()['content-security-policy']).toContain("object-src 'none'");
  const missing = await request.get('/finnes-ikke');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-security-policy']).toContain("base-uri 'none'");
  expect(missing.headers()['cache-control']).toBe('no-store');
});

test('a form post from a foreign origin is refused', async ({ request }) => {
  const foreign = await request.post('/login', { form: { email: 'a@b.no', password: 'x' }, headers: { origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  const own = await request.post('/login', {
    form: { email: 'a@b.no', password: 'x' },
    headers: { origin: new URL(foreign.url()).origin },
  });
  expect(own.status()).toBe(400);
});
