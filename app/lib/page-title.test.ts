import { describe, expect, it } from 'vitest';
import { titleText } from './page-title';

describe('page titles', () => {
  it('names the page when there is no error, as Remix says it (null) or not at all', () => {
    expect(titleText('nb', 'title.login', null)).toBe('Logg inn – Brobygger');
    expect(titleText('en', 'title.login', undefined)).toBe('Sign in – Brobygger');
  });

  it('names the error when the route shows one', () => {
    expect(titleText('nb', 'title.login', new Error('boom'))).toBe('Noe gikk galt – Brobygger');
  });
});
