/**
 * eld's extra-small n-gram database (~0.95 MB of JS, ~0.2 s to import in a fresh process):
 * only language.ts loads it, by a dynamic import, the first time a text is neither plainly
 * French nor plainly English. In the Lambda bundle it is a file of its own beside index.mjs
 * (LAZY_MODULES in infra/constructs/defaults.ts); nothing else may be exported from here.
 *
 * The extra-small database tells the 60 eld languages apart as well as the larger ones on
 * article-length text (same results on the dev corpus, and on French/English/Spanish/
 * German/Italian/Portuguese samples), at about half the memory of 'medium'. The static
 * entry is used so that the bundler sees one file, not eld's `load(name)` over every size.
 */
export { eld } from 'eld/extrasmall';
