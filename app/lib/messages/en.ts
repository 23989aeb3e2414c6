import type { nb } from './nb';
import * as common from './common';
import * as plans from './plans';

/** English, the second language. The type makes every key of nb.ts required here. */
export const en: Record<keyof typeof nb, string> = {
  ...common.en,
  ...plans.en,
};
