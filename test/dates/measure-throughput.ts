/**
 * Prints findDateMentions throughput on ~10k synthetic sentences (no assertions).
 * Run: npx tsx test/dates/measure-throughput.ts
 */
import { findDateMentions } from '../../src/dates/find-date-mentions.js';
import type { DateLocale } from '../../src/dates/find-date-mentions.js';

const templates: [DateLocale, string][] = [
  ['fr', 'Le ministre des Affaires étrangères est arrivé mardi soir à Dakar pour une visite de deux jours.'],
  ['fr', "Les deux pays ont signé le 8 mars 2023 un accord de coopération militaire, révisé en juillet 2024."],
  ['fr', "Le président a reçu hier l'ambassadeur de France, avant une réunion prévue du 13 au 15 avril."],
  ['fr', "Depuis décembre dernier, les relations entre Bamako et Alger se sont nettement dégradées."],
  ['fr', "Le Premier ministre a salué la coopération économique entre les deux États sans donner de calendrier."],
  ['fr', "En 2021, l'Union africaine avait suspendu le pays, qui a été réintégré la semaine dernière."],
  ['en', 'The foreign minister arrived in Nairobi on Tuesday for a two-day visit, officials said.'],
  ['en', 'The agreement signed on March 8, 2023 was extended last month until December 2026.'],
  ['en', 'Talks held from 13 to 15 April ended without a joint statement, diplomats said yesterday.'],
  ['en', 'The two governments have cooperated closely on security and trade for many years.'],
  ['en', 'Relations have been frozen since 2008, when the border was closed, according to the ministry.'],
  ['en', 'The president met his counterpart last week and will travel to Beijing in August.'],
];
const N = 10_000;
const sentences = Array.from({ length: N }, (_, i) => templates[i % templates.length] as [DateLocale, string]);
const reference = { year: 2025, month: 4, day: 30 };

for (const [locale, text] of sentences.slice(0, 100)) findDateMentions(text, locale, reference); // warm-up
const t0 = performance.now();
let count = 0;
for (const [locale, text] of sentences) count += findDateMentions(text, locale, reference).length;
const seconds = (performance.now() - t0) / 1000;
console.log(
  `${N} sentences, ${count} mentions in ${(seconds * 1000).toFixed(0)} ms: ` +
    `${Math.round(N / seconds)} sentences/s, ${Math.round(count / seconds)} mentions/s`,
);
