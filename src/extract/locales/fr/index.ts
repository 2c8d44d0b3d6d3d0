import type { Locale } from '../../locale.js';
import { FR_LEXICON } from './lexicon.js';
import { FR_PLACES } from './places.js';

export const FR: Locale = { code: 'fr', dateLocale: 'fr', places: FR_PLACES, lexicon: FR_LEXICON };
