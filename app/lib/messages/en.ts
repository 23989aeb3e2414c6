import type { nb } from './nb';
import * as common from './common';
import * as meetings from './meetings';

/** English, the second language. The type makes every key of nb.ts required here. */
export const en: Record<keyof typeof nb, string> = {
  ...common.en,
  ...meetings.en,
};
