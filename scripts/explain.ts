/**
 * Prints what the extractor reads from one article file, sentence by sentence: places,
 * people, triggers (with modality flags), dates, then the events and agreements.
 *   npx tsx scripts/explain.ts FILE
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readObject } from '../src/article/read-object.js';
import { formatPartialDate } from '../src/dates/partial-date.js';
import { analyseArticle } from '../src/extract/article-analysis.js';
import { compileLocale } from '../src/extract/compiled-locale.js';
import { extractArticle } from '../src/extract/extractor.js';
import { localeFor } from '../src/extract/locales/index.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npx tsx scripts/explain.ts FILE\n');
  process.exit(2);
}
const { articles, rejections } = await readObject(path.basename(file), await readFile(file));
for (const r of rejections) console.log(`rejected: ${r.reason}: ${r.message}`);
for (const article of articles) {
  const locale = localeFor(article.language);
  console.log(`# ${article.sourceKey} [${article.language}] published ${article.published ? formatPartialDate(article.published) : '?'}`);
  if (!locale) continue;
  const analysis = analyseArticle(article.text, article.published, compileLocale(locale));
  console.log(`salience: ${analysis.salience.join(' ')}`);
  for (const s of analysis.sentences) {
    console.log(`\n[${s.sentence.index}/p${s.sentence.paragraph}] ${s.sentence.text}`);
    const tok = (a: number, b: number): string => s.tokens.slice(a, b).map((t) => t.text).join(' ');
    for (const p of s.places) console.log(`  place ${p.entry.kind}:${p.entry.code}${p.entry.city ? `/${p.entry.city.name}` : ''}${p.locative ? ' LOC' : ''}${p.capitalOf ? ' CAPITAL' : ''} «${tok(p.first, p.last)}»`);
    for (const p of s.people) console.log(`  person ${p.name} (${p.country ?? '?'})${p.counterpart ? ' counterpart' : ''}`);
    for (const t of s.triggers) console.log(`  trigger ${t.type}${t.planned ? ' PLANNED' : ''}${t.negated ? ' NEGATED' : ''} «${tok(t.first, t.last)}»`);
    for (const d of s.dates) console.log(`  date ${formatPartialDate(d.date)} ${d.kind}${d.explicitYear ? ' year' : ''} «${d.text}»`);
  }
  const extraction = extractArticle(article);
  console.log('\nEVENTS');
  for (const e of extraction?.events ?? []) {
    console.log(`  ${e.localId} ${e.type} ${e.participants.join(';')} ${e.date ? formatPartialDate(e.date) : '-'} ${e.actor1?.country ?? ''}>${e.actor2?.country ?? ''} @${e.location?.city ?? ''}/${e.location?.country ?? ''} people=${e.people.join('; ')}`);
  }
  console.log('AGREEMENTS');
  for (const a of extraction?.agreements ?? []) {
    console.log(`  ${a.topic} ${a.parties.join(';')} ${a.status} ${a.date ? formatPartialDate(a.date) : '-'} signed-by=${a.signatories.join('; ')} «${a.title}»`);
  }
}
