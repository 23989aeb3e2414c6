import { describe, expect, it } from 'vitest';
import { formatRelativeDays } from '../format';
import { translator } from '../i18n';
import { usedMessages } from './dictionary';
import { en } from './en';
import { nb } from './nb';

describe('the messages a page shows', () => {
  it('are the ones its render looked up, per language, formatter words included', () => {
    const { result, messages } = usedMessages(() => [
      translator('nb')('login.title'),
      translator('en')('login.title'),
      translator('nb')('form.tooLong', { max: 200 }),
      formatRelativeDays('2026-03-02', '2026-03-01', 'nb'),
    ]);
    expect(result).toEqual([nb['login.title'], en['login.title'], nb['form.tooLong'].replace('{max}', '200'), nb['format.tomorrow']]);
    expect(messages).toEqual({
      nb: { 'login.title': nb['login.title'], 'form.tooLong': nb['form.tooLong'], 'format.tomorrow': nb['format.tomorrow'] },
      en: { 'login.title': en['login.title'] },
    });
  });

  it('are not recorded outside a render', () => {
    translator('nb')('login.title');
    expect(usedMessages(() => null).messages).toEqual({ nb: {}, en: {} });
  });
});
