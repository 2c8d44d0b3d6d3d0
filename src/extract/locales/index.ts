import type { Locale } from '../locale.js';
import { EN } from './en/index.js';
import { FR } from './fr/index.js';

/** The languages the extractor reads. Adding one is adding its folder and a line here. */
export const LOCALES: Readonly<Record<string, Locale>> = { fr: FR, en: EN };

export function localeFor(language: string): Locale | undefined {
  return LOCALES[language];
}
