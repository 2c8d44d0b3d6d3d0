/**
 * findDateMentions alone (the date finder the extractor runs on every sentence): sentences
 * per second and mentions per second over `--sentences` sentences of the generated corpus,
 * each read against its article's publication date. Formerly test/dates/measure-throughput.ts;
 * it prints figures and asserts nothing.
 *
 *   npx tsx bench/dates.ts [--sentences 10000] [--json FILE]
 */
import { findDateMentions } from '../src/dates/find-date-mentions.js';
import type { DateLocale } from '../src/dates/find-date-mentions.js';
import type { PartialDate } from '../src/dates/partial-date.js';
import { parsePartialDate } from '../src/dates/partial-date.js';
import { compileLocale } from '../src/extract/compiled-locale.js';
import { splitSentences } from '../src/extract/common/sentences.js';
import { localeFor } from '../src/extract/locales/index.js';
import { DEFAULT_SEED, generateCorpus } from '../scripts/generate-corpus.js';
import { emit, intFlag, parseFlags } from './common.js';

export interface DatesResult {
  readonly sentences: number;
  readonly mentions: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly sentencesPerSecond: number;
  readonly mentionsPerSecond: number;
}

interface Item {
  readonly text: string;
  readonly locale: DateLocale;
  readonly reference: PartialDate | undefined;
}

/** Sentences of the generated plain-text articles, split as the extractor splits them. */
function sentencesOf(count: number): Item[] {
  const items: Item[] = [];
  for (const object of generateCorpus({ count: count, seed: DEFAULT_SEED })) {
    if (object.format !== 'txt') continue;
    const newline = object.body.indexOf('\n');
    const reference = parsePartialDate(object.body.slice('date '.length, newline));
    const locale = localeFor(object.language);
    if (!locale) continue;
    for (const s of splitSentences(object.body.slice(newline + 1), locale.code, compileLocale(locale).abbreviations)) {
      items.push({ text: s.text, locale: locale.dateLocale, reference });
      if (items.length === count) return items;
    }
  }
  return items;
}

export function benchDates(count: number): DatesResult {
  const items = sentencesOf(count);
  for (const item of items.slice(0, 200)) findDateMentions(item.text, item.locale, item.reference); // warm-up
  const cpu = process.cpuUsage();
  const started = performance.now();
  let mentions = 0;
  for (const item of items) mentions += findDateMentions(item.text, item.locale, item.reference).length;
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { sentences: items.length, mentions, seconds, cpuSeconds: (used.user + used.system) / 1e6, sentencesPerSecond: items.length / seconds, mentionsPerSecond: mentions / seconds };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  await emit(flags, benchDates(Math.max(1, intFlag(flags, 'sentences', 10_000))));
}

await main();
