/**
 * The DOM stack of the HTML reader: linkedom to parse the page, Readability to find its
 * main text (about 460 kB minified, a fifth of the normalise bundle). Only html.ts loads it,
 * by a dynamic import on the first page read, so that reading text, JSON or JSON Lines
 * never pays for it. In the Lambda bundle it is a file of its own beside index.mjs
 * (LAZY_MODULES in infra/constructs/defaults.ts); nothing else may be exported from here.
 */
export { Readability } from '@mozilla/readability';
export { parseHTML } from 'linkedom';
