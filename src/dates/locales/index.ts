import { en } from './en.js';
import { fr } from './fr.js';
import type { DateLocaleData } from './types.js';

export type DateLocale = 'fr' | 'en';

/** One entry per supported language; adding one means adding its data file and a line here. */
export const DATE_LOCALES: Readonly<Record<DateLocale, DateLocaleData>> = { fr, en };
