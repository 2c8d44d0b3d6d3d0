import type { Locale } from '../../locale.js';
import { EN_LEXICON } from './lexicon.js';
import { EN_PLACES } from './places.js';

export const EN: Locale = { code: 'en', dateLocale: 'en', places: EN_PLACES, lexicon: EN_LEXICON };
