import type { MessageKey, Translate } from './i18n';

/**
 * Validation messages travel as message keys, optionally with parameters
 * ("referral.tooOld::{"age":25}"), so one zod schema serves both languages and both the
 * server and the browser. The form components translate them when they render.
 */
export function errorMessage(key: MessageKey, params?: Record<string, string | number>): string {
  return params ? `${key}::${JSON.stringify(params)}` : key;
}

export function translateError(t: Translate, message: string): string {
  const separator = message.indexOf('::');
  if (separator === -1) return t(message as MessageKey);
  const key = message.slice(0, separator) as MessageKey;
  let params: Record<string, string | number> | undefined;
  try {
    params = JSON.parse(message.slice(separator + 2)) as Record<string, string | number>;
  } catch {
    params = undefined;
  }
  return t(key, params);
}
