/**
 * Norwegian bokmål, the default language: every area's messages in one dictionary.
 * Each area keeps its own module with both languages side by side (`{ nb, en }`);
 * add a new area's module here and in en.ts.
 */
import * as common from './common';
import * as plans from './plans';

export const nb = {
  ...common.nb,
  ...plans.nb,
} as const;
