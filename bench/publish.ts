/**
 * Publish cost at a given number of events: synthetic ArticleRecords (shaped like the
 * extractor's: 1–4 events per article, one agreement in three articles, a sentence of
 * evidence each, places with coordinates; one event report in three repeats an event an
 * earlier article reported, so fusion has work to do) are handed lazily to `publish` of
 * src/pipeline.ts, which writes every dataset file into a FsStorage in a temporary folder.
 *
 * Run once per size in a fresh process (bench/run.ts does), so the peak resident set size
 * (getrusage maxrss) belongs to that size alone.
 *
 *   npx tsx bench/publish.ts --events 100000 [--dir FOLDER] [--threads N] [--json FILE]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AgreementStatus, AgreementTopic, EventType, Place } from '../src/extract/types.js';
import { publish } from '../src/pipeline.js';
import type { AgreementRecord, ArticleRecords, EventRecord } from '../src/records/records.js';
import { COUNTRIES } from '../src/gazetteer/countries.js';
import { FsStorage } from '../src/storage/fs-storage.js';
import { emit, intFlag, parseFlags, stringFlag } from './common.js';

export interface PublishResult {
  /** Event reports handed to publish (ArticleRecords events). */
  readonly events: number;
  readonly articles: number;
  readonly agreements: number;
  /** Rows of events.csv once reports of one real-world event are fused. */
  readonly publishedEvents: number;
  readonly publishedAgreements: number;
  /** Wall time of `publish`, records produced on the fly included. */
  readonly seconds: number;
  /** Seconds of each step of the publication (src/datasets/write-datasets.ts), in order. */
  readonly phases: Readonly<Record<string, number>>;
  /** CPU time (user + system, all threads) of `publish`. */
  readonly cpuSeconds: number;
  /** Producing the same records alone (drained, not kept): the share of `seconds` that is the benchmark's. */
  readonly generationSeconds: number;
  /** After loading the modules, before anything else. */
  readonly baselineRssMiB: number;
  readonly peakRssMiB: number;
  /** Files written, and their bytes in all. */
  readonly files: number;
  readonly outputBytes: number;
  readonly largestFiles: readonly { key: string; bytes: number }[];
}

const TYPES: readonly EventType[] = ['visit', 'meeting', 'call', 'signing', 'press_conference'];
const CAMEO: Record<EventType, string> = { visit: '042', meeting: '040', call: '040', signing: '057', press_conference: '010' };
const TOPICS: readonly AgreementTopic[] = ['trade', 'energy', 'defense', 'education', 'health', 'visa', 'culture'];
const STATUSES: readonly AgreementStatus[] = ['signed', 'signed', 'announced', 'ratified'];
const CODES = COUNTRIES.map((c) => c.iso3);
const CITIES: readonly Place[] = [
  { city: 'Dakar', country: 'SEN', latitude: 14.6937, longitude: -17.4441, geonamesId: 2253354 },
  { city: 'Paris', country: 'FRA', latitude: 48.8534, longitude: 2.3488, geonamesId: 2988507 },
  { city: 'Tokyo', country: 'JPN', latitude: 35.6895, longitude: 139.6917, geonamesId: 1850147 },
  { city: 'Nairobi', country: 'KEN', latitude: -1.2833, longitude: 36.8167, geonamesId: 184745 },
  { city: 'Rabat', country: 'MAR', latitude: 34.0133, longitude: -6.8326, geonamesId: 2538475 },
];
const PEOPLE = ['Aminata Diallo', 'Karim Benali', 'Hélène Moreau', 'Yuki Tanaka', 'Kwame Mensah', 'Ingrid Lindqvist', 'Rafael Costa', 'Ngozi Okafor'];
const SENTENCES = [
  'The foreign minister arrived in the capital on Tuesday for a two-day official visit at the invitation of his counterpart, officials said.',
  "Le ministre des Affaires étrangères s'est entretenu mardi avec son homologue en marge d'une réunion ministérielle, selon un communiqué.",
  'The two countries signed three agreements on trade, energy and higher education on Monday in the presence of both heads of state.',
  "Les deux pays ont signé lundi un accord de coopération dans les domaines de la santé et de l'enseignement supérieur.",
];
/** One report in three is of an event an earlier article already reported (fusion merges them). */
const REPEAT_EVERY = 3;
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1);

function hash(a: number, b = 0): number {
  let h = Math.imul(a ^ Math.imul(b + 1, 0x9e3779b1), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A bijection of 0…2^32-1 that looks random, so ids come in no particular order (as hashes do). */
function scramble(n: number): string {
  return hash(n, 7).toString(16).padStart(8, '0') + n.toString(16).padStart(8, '0');
}

function at<T>(items: readonly T[], n: number): T {
  return items[n % items.length] as T;
}

/** Ten years of days, written once: producing the records should cost the benchmark little. */
const DAYS = Array.from({ length: 3650 }, (_, offset) => new Date(FIRST_DAY + offset * DAY_MS).toISOString().slice(0, 10));

function day(offset: number): string {
  return DAYS[offset % DAYS.length] as string;
}

/** The real-world event number `n`: who, what, when, where (every report of it agrees). */
function realEvent(n: number) {
  const type = at(TYPES, hash(n, 1));
  const first = hash(n, 2) % CODES.length;
  const second = (first + 1 + (hash(n, 3) % (CODES.length - 1))) % CODES.length;
  const visitor = CODES[first] as string;
  const host = CODES[second] as string;
  const h = hash(n, 4);
  return {
    type,
    participants: [visitor, host].sort(),
    visitor,
    host,
    // Ten years of days; one event in five undated, one in ten dated to the month only.
    date: h % 5 === 0 ? undefined : h % 10 === 1 ? day(h % 3650).slice(0, 7) : day(h % 3650),
    location: h % 5 < 3 ? at(CITIES, h >>> 8) : undefined,
  };
}

/**
 * Lazily, `events` event reports over articles of 1–4 events (2.5 on average): two in three
 * of a new real-world event, one in three of an event an earlier article reported.
 */
export function* syntheticRecords(events: number): Generator<ArticleRecords> {
  let made = 0;
  let fresh = 0;
  for (let a = 0; made < events; a++) {
    const articleId = scramble(a);
    const count = Math.min(1 + (a % 4), events - made);
    const sentence = at(SENTENCES, a);
    const span = { start: 120 * (a % 7), end: 120 * (a % 7) + sentence.length, text: sentence };
    const evidence = [span];
    const twoSpans = [span, { start: span.end + 2, end: span.end + 2 + sentence.length, text: sentence }];
    const eventRecords: EventRecord[] = [];
    for (let e = 0; e < count; e++) {
      const report = made + e;
      // An event at least 4 back belongs to an earlier article (an article has at most 4).
      const repeat = fresh >= 64 && hash(report, 5) % REPEAT_EVERY === 0;
      const n = repeat ? fresh - 4 - (hash(report, 6) % 60) : fresh++;
      const real = realEvent(n);
      eventRecords.push({
        id: `ev-${scramble(report)}`,
        type: real.type,
        cameoCode: CAMEO[real.type],
        date: real.date,
        participants: real.participants,
        actor1Name: at(PEOPLE, report),
        actor1Country: real.visitor,
        actor2Name: report % 3 === 0 ? undefined : at(PEOPLE, report + 3),
        actor2Country: real.host,
        people: [at(PEOPLE, report), at(PEOPLE, report + 3)],
        location: real.location,
        evidence: e % 3 === 2 ? twoSpans : evidence,
      });
    }
    made += count;
    const first = eventRecords[0] as EventRecord;
    const agreements: AgreementRecord[] =
      a % 3 === 0
        ? [
            {
              id: `ag-${scramble(a)}`,
              title: a % 2 === 0 ? 'accord de coopération dans le domaine de la santé' : 'memorandum of understanding on trade and investment',
              topic: at(TOPICS, a),
              parties: first.participants,
              signatories: [at(PEOPLE, a), at(PEOPLE, a + 3)],
              dateSigned: first.date,
              place: first.location,
              status: at(STATUSES, a),
              signingEventId: first.id,
              evidence,
            },
          ]
        : [];
    const published = day(hash(a, 8) % 3650);
    yield {
      articleId,
      sourceKeys: [`incoming/${published.slice(0, 4)}/${articleId}.txt`],
      format: 'seed-text',
      title: a % 2 === 0 ? undefined : 'Foreign ministers meet to discuss trade and security',
      published,
      language: a % 2 === 0 ? 'fr' : 'en',
      languageSource: 'detected',
      url: a % 4 === 0 ? `https://news.example.org/${published.slice(0, 4)}/${articleId}` : undefined,
      sha256: `${articleId}${articleId}${articleId}${articleId}`,
      extracted: true,
      events: eventRecords,
      agreements,
    };
  }
}

/** `dir`: the folder to publish into (emptied afterwards); a fresh temporary one when absent. */
export async function benchPublish(events: number, dir?: string, publishThreads?: number): Promise<PublishResult> {
  const baselineRssMiB = process.memoryUsage.rss() / 2 ** 20;
  let started = performance.now();
  let articles = 0;
  let agreements = 0;
  for (const records of syntheticRecords(events)) {
    articles++;
    agreements += records.agreements.length;
  }
  const generationSeconds = (performance.now() - started) / 1000;

  const folder = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'entente-bench-publish-')));
  try {
    const cpu = process.cpuUsage();
    started = performance.now();
    const phases: Record<string, number> = {};
    const summary = await publish(syntheticRecords(events), [], new FsStorage(folder), { publishThreads, onPhase: (phase, s) => (phases[phase] = s) });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    return {
      events,
      articles,
      agreements,
      publishedEvents: summary.events,
      publishedAgreements: summary.agreements,
      seconds,
      phases,
      cpuSeconds: (used.user + used.system) / 1e6,
      generationSeconds,
      baselineRssMiB,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      files: summary.files.length,
      outputBytes: summary.files.reduce((n, f) => n + f.bytes, 0),
      largestFiles: [...summary.files]
        .sort((x, y) => y.bytes - x.bytes)
        .slice(0, 6)
        .map((f) => ({ key: f.key, bytes: f.bytes })),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** What a size that does not go through leaves behind (a V8 heap exhaustion kills the process before this). */
export interface PublishFailure {
  readonly events: number;
  readonly error: string;
  readonly seconds: number;
  readonly peakRssMiB: number;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const events = intFlag(flags, 'events', 1000);
  const started = performance.now();
  try {
    const threads = stringFlag(flags, 'threads');
    await emit(flags, await benchPublish(events, stringFlag(flags, 'dir'), threads === undefined ? undefined : Number(threads)));
  } catch (error) {
    const failure: PublishFailure = {
      events,
      error: error instanceof Error ? `${error.name}: ${error.message}${error.stack ? ` (${error.stack.split('\n').slice(1, 4).map((l) => l.trim()).join(' < ')})` : ''}` : String(error),
      seconds: (performance.now() - started) / 1000,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
    await emit(flags, failure);
    process.exitCode = 1;
  }
}

// Run as a script (bench/run.ts spawns it); imported, it only lends its generator.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
