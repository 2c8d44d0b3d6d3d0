/**
 * index.html at the root of the published datasets (the bucket, or a local output folder):
 * what the data is, every file with its size, rows and last update, the column tables
 * (from schema.ts, never a second copy), how to cite and how to query, a timeline of
 * events per month and a world map of event locations, and the catalog's schema.org
 * JSON-LD for search engines.
 *
 * One self-contained HTML5 document: inline CSS and SVG, no script that runs, no font,
 * image or stylesheet from anywhere (a Content-Security-Policy says so to the browser).
 * Deterministic: the same input gives the same bytes (no clock: dates come from the data).
 */
import type { ChartEvent } from './svg-charts.js';
import { escapeHtml, formatInteger, weight, monthLabel, plural, monthlyCounts, placeCounts, placeName, timelineSvg, worldMapSvg } from './svg-charts.js';
import { TABLES } from './schema.js';

export { escapeHtml } from './svg-charts.js';
export type { ChartEvent as LandingEvent } from './svg-charts.js';

export interface LandingFile {
  /** Path relative to the page (the key without the publication prefix): "events.csv". */
  readonly key: string;
  readonly bytes: number;
  /** Data rows (not counting the header), for tables. */
  readonly rows?: number;
  readonly contentType: string;
  /** When the file's data last changed (ISO 8601); `lastUpdated` of the page when absent. */
  readonly updated?: string;
  /** One line on what the file holds; derived from the table or the media type when absent. */
  readonly description?: string;
}

/** The shape of schema.ts's TableSchema that the page reads. */
export interface LandingTable {
  readonly name: string;
  readonly file: string;
  readonly primaryKey?: string;
  readonly columns: readonly { readonly name: string; readonly type: string; readonly description: string }[];
}

export interface LandingQuery {
  readonly title: string;
  readonly code: string;
}

export interface LandingPageInput {
  readonly title: string;
  /** One or two sentences: what the data is. */
  readonly description: string;
  readonly version: string;
  readonly license: { readonly name: string; readonly url: string };
  /** Latest date the data knows of (ISO 8601), e.g. the newest article's publication date. Never the clock. */
  readonly lastUpdated: string;
  /** The dataset's identifier (catalog `@id`, e.g. https://w3id.org/entente/), shown and cited. */
  readonly identifier?: string;
  /** Absolute URL prefix the files are downloaded from, ending in "/" (the bucket's URL); the example queries use it. Absent: queries read files from the current folder. Links on the page are always relative. */
  readonly downloadBase?: string;
  readonly files: readonly LandingFile[];
  /** Column tables: schema.ts's TABLES unless given. */
  readonly tables?: readonly LandingTable[];
  /** Every published event, for the figures. */
  readonly events: readonly ChartEvent[];
  /** The catalog (schema.org Dataset …), embedded as <script type="application/ld+json">. Any JSON-serialisable object. */
  readonly jsonLd: object;
  /** How to cite; `citationText(input)` when absent. */
  readonly citation?: string;
  /** Example queries; `defaultQueries(…)` when absent. */
  readonly queries?: readonly LandingQuery[];
  /** Reused data to credit in the footer (GeoNames, country lists…). */
  readonly attributions?: readonly { readonly name: string; readonly url?: string; readonly license?: string }[];
}

/** The figures' view of events.csv rows (date, location_city, location_country, latitude, longitude); empty cells are absent. */
export function eventsFromRows(rows: readonly Readonly<Record<string, string | undefined>>[]): ChartEvent[] {
  const cell = (row: Readonly<Record<string, string | undefined>>, name: string): string | undefined => row[name] || undefined;
  const number = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));
  return rows.map((row) => ({
    date: cell(row, 'date'),
    city: cell(row, 'location_city'),
    country: cell(row, 'location_country'),
    latitude: number(cell(row, 'latitude')),
    longitude: number(cell(row, 'longitude')),
  }));
}

/**
 * The figures' view of many events in little memory: events with the same month (a day
 * date counts as its month), place and coordinates are one ChartEvent with a count.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ChartEventTally {
  private readonly tally = new Map<string, { event: ChartEvent; count: number }>();

  addRow(row: Readonly<Record<string, string | undefined>>): void {
    // Called for every published event: the key is built from the cells, the ChartEvent only for a new one.
    const day = row.date;
    const date = day !== undefined && day.length === 10 && DAY.test(day) ? day.slice(0, 7) : day || undefined;
    const key = `${date ?? ''}\u0001${row.location_city ?? ''}\u0001${row.location_country ?? ''}\u0001${row.latitude ?? ''}\u0001${row.longitude ?? ''}`;
    const known = this.tally.get(key);
    if (known) known.count++;
    else {
      const [event] = eventsFromRows([row]) as [ChartEvent];
      this.tally.set(key, { event: { ...event, date }, count: 1 });
    }
  }

  /** In key order: the same events give the same figures however they were tallied (in several threads, in any order). */
  events(): ChartEvent[] {
    return [...this.tally.keys()].sort().map((key) => {
      const { event, count } = this.tally.get(key) as { event: ChartEvent; count: number };
      return { ...event, count };
    });
  }

  /** What it holds, as plain data (to send between threads). */
  state(): readonly (readonly [string, ChartEvent, number])[] {
    return [...this.tally].map(([key, { event, count }]) => [key, event, count] as const);
  }

  /** Adds what another tally held. */
  merge(state: readonly (readonly [string, ChartEvent, number])[]): void {
    for (const [key, event, count] of state) {
      const known = this.tally.get(key);
      if (known) known.count += count;
      else this.tally.set(key, { event, count });
    }
  }
}

/** The latest ISO 8601 date among the values (any precision), for `lastUpdated`; undefined when there is none. */
export function latestDate(values: Iterable<string | undefined>): string | undefined {
  let latest: string | undefined;
  for (const value of values) {
    if (value && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value) && (latest === undefined || value > latest)) latest = value;
  }
  return latest;
}

/** "Title (version 0.1.0) [Data set]. 2025. <identifier>. License: CC BY 4.0." — year from `lastUpdated`. */
export function citationText(input: Pick<LandingPageInput, 'title' | 'version' | 'lastUpdated' | 'identifier' | 'license'>): string {
  const year = /^\d{4}/.exec(input.lastUpdated)?.[0];
  return [
    `${input.title} (version ${input.version}) [Data set].`,
    year ? `${year}.` : undefined,
    input.identifier ? `${input.identifier}.` : undefined,
    `License: ${input.license.name}.`,
  ].filter((part) => part !== undefined).join(' ');
}

/** curl, DuckDB and pandas one-liners over the events table, reading from `downloadBase` (or the current folder). */
export function defaultQueries(downloadBase: string | undefined, tables: readonly LandingTable[] = TABLES): LandingQuery[] {
  const base = downloadBase ?? '';
  const events = tables.find((t) => t.name === 'events')?.file ?? 'events.csv';
  const agreements = tables.find((t) => t.name === 'agreements')?.file ?? 'agreements.csv';
  const url = `${base}${events}`;
  return [
    { title: 'Download with curl', code: `curl -O ${base}${events} -O ${base}${agreements}` },
    {
      title: 'Events per country with DuckDB',
      code: `duckdb -c "SELECT location_country, count(*) AS events FROM read_csv('${url}', all_varchar = true) GROUP BY 1 ORDER BY 2 DESC LIMIT 10"`,
    },
    {
      title: 'Events per type with pandas',
      code: `python3 -c "import pandas as pd; print(pd.read_csv('${url}', dtype=str, keep_default_na=False).groupby('event_type').size())"`,
    },
  ];
}

/** JSON for a <script> element: nothing in it can close the element or open a comment. */
export function jsonForScript(value: object): string {
  const json = JSON.stringify(value, null, 2) as string | undefined;
  if (json === undefined) throw new TypeError('jsonLd is not JSON-serialisable');
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An href that is http(s), mailto or relative; anything else (javascript:, data:…) becomes "#". */
export function safeHref(url: string): string {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme)) return '#';
  return escapeHtml(trimmed);
}

/** A relative link to a file: each path segment percent-encoded. */
const fileHref = (key: string): string => escapeHtml(key.split('/').map(encodeURIComponent).join('/'));

/** 1536 → "1.5 KiB"; bytes below 1 KiB as they are. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatInteger(bytes)} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}

function fileDescription(file: LandingFile, tables: readonly LandingTable[]): string {
  if (file.description) return file.description;
  const table = tables.find((t) => t.file === file.key);
  if (table) return `The ${table.name} table: ${table.columns.length} columns (see below).`;
  const described = tables.find((t) => file.key === `${t.file}-metadata.json`);
  if (described) return `W3C CSVW description of ${described.file}.`;
  if (/(^|\/)datapackage\.json$/.test(file.key)) return 'Frictionless Data Package.';
  if (file.contentType.startsWith('application/ld+json')) return 'JSON-LD (schema.org).';
  if (file.contentType.startsWith('application/json')) return 'JSON.';
  return file.contentType;
}

const formatName = (contentType: string): string => {
  const type = contentType.split(';')[0]?.trim() ?? contentType;
  return { 'text/csv': 'CSV', 'application/ld+json': 'JSON-LD', 'application/json': 'JSON', 'text/html': 'HTML' }[type] ?? type;
};

const STYLE = `
:root { color-scheme: light; --ink: #1c2430; --muted: #5a6675; --line: #d8dee6; --accent: #2f6690; --soft: #f4f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 62rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 2rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
a { color: var(--accent); }
.lede { font-size: 1.1rem; color: var(--muted); margin: 0 0 1rem; }
dl.facts { display: flex; flex-wrap: wrap; gap: .5rem 2rem; margin: 1rem 0; }
dl.facts div { min-width: 8rem; }
dl.facts dt { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin: 1rem 0 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0 .5rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--soft); border-bottom: 2px solid var(--line); }
table.columns td:nth-child(2) { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: .88em; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: .75rem 1rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
figure { margin: 1rem 0; }
figure svg { display: block; width: 100%; height: auto; max-width: 100%; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .5rem; }
details { margin: .5rem 0 1rem; }
summary { cursor: pointer; color: var(--accent); }
blockquote { margin: 1rem 0; padding: .75rem 1rem; border-left: 4px solid var(--accent); background: var(--soft); }
footer { color: var(--muted); font-size: .85rem; padding-top: 1rem; padding-bottom: 2rem; margin-top: 3rem; border-top: 1px solid var(--line); }
@media print { nav, details { display: none; } }
`;

function attributions(credits: NonNullable<LandingPageInput['attributions']>): string {
  if (credits.length === 0) return '';
  const items = credits.map((a) => `${a.url ? `<a href="${safeHref(a.url)}">${escapeHtml(a.name)}</a>` : escapeHtml(a.name)}${a.license ? ` (${escapeHtml(a.license)})` : ''}`);
  return ` Reused data: ${items.join('; ')}.`;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderLandingPage(input: LandingPageInput): string {
  const tables = input.tables ?? TABLES;
  const timeline = monthlyCounts(input.events);
  const map = placeCounts(input.events);
  const queries = input.queries ?? defaultQueries(input.downloadBase, tables);
  const citation = input.citation ?? citationText(input);
  const e = escapeHtml;
  const firstMonth = timeline.months[0];
  const lastMonth = timeline.months[timeline.months.length - 1];

  const facts: [string, string][] = [
    ['Version', e(input.version)],
    ['Last updated', `<time datetime="${e(input.lastUpdated)}">${e(input.lastUpdated)}</time>`],
    ['License', `<a rel="license" href="${safeHref(input.license.url)}">${e(input.license.name)}</a>`],
    ['Events', formatInteger(input.events.reduce((sum, e) => sum + weight(e), 0))],
    ...(input.identifier ? [['Identifier', `<a href="${safeHref(input.identifier)}">${e(input.identifier)}</a>`] as [string, string]] : []),
  ];

  const fileRows = input.files.map((file) => `<tr>
<td><a href="${fileHref(file.key)}" download><code>${e(file.key)}</code></a></td>
<td>${e(fileDescription(file, tables))}</td>
<td>${e(formatName(file.contentType))}</td>
<td class="num" data-bytes="${Math.round(file.bytes)}" title="${formatInteger(file.bytes)} bytes">${formatBytes(file.bytes)}</td>
<td class="num">${file.rows === undefined ? '—' : formatInteger(file.rows)}</td>
<td><time datetime="${e(file.updated ?? input.lastUpdated)}">${e(file.updated ?? input.lastUpdated)}</time></td>
</tr>`);

  const timelineNotes = [
    timeline.yearOnly.length > 0
      ? `Dated to the year only, so not drawn: ${timeline.yearOnly.map((y) => `${e(y.year)} (${formatInteger(y.count)})`).join(', ')}.`
      : undefined,
    timeline.earlier > 0 ? `${plural(timeline.earlier, 'earlier event')} not drawn (the chart shows the latest ${timeline.months.length} months).` : undefined,
    timeline.undated > 0 ? `${plural(timeline.undated, 'event')} without a date.` : undefined,
  ].filter((note) => note !== undefined);

  const mapNotes = [
    map.withoutCoordinates > 0 ? `${plural(map.withoutCoordinates, 'event')} ${map.withoutCoordinates === 1 ? 'names' : 'name'} a place without coordinates.` : undefined,
    map.withoutPlace > 0 ? `${plural(map.withoutPlace, 'event')} ${map.withoutPlace === 1 ? 'names' : 'name'} no place.` : undefined,
  ].filter((note) => note !== undefined);

  const columnTables = tables.map((table) => `<table id="columns-${e(table.name)}" class="columns">
<caption><code>${e(table.file)}</code>: ${table.columns.length} columns${table.primaryKey ? `, key <code>${e(table.primaryKey)}</code>` : ''}</caption>
<thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
<tbody>
${table.columns.map((c) => `<tr><th scope="row"><code>${e(c.name)}</code></th><td>${e(c.type)}</td><td>${e(c.description)}</td></tr>`).join('\n')}
</tbody>
</table>`);

  const catalogFile = input.files.find((f) => /(^|\/)catalog\.jsonld$/.test(f.key));
  const sections: [string, string][] = [
    ['files', 'Files'],
    ['timeline', 'Events per month'],
    ['map', 'Where events happen'],
    ['columns', 'Columns'],
    ['cite', 'How to cite'],
    ['query', 'How to query'],
  ];

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${e(input.title)}</title>
<meta name="description" content="${e(input.description)}">
<style>${STYLE}</style>
<script type="application/ld+json">
${jsonForScript(input.jsonLd)}
</script>
</head>
<body>
<header>
<h1>${e(input.title)}</h1>
<p class="lede">${e(input.description)}</p>
<dl class="facts">
${facts.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('\n')}
</dl>
<nav aria-label="Contents"><ul>
${sections.map(([id, title]) => `<li><a href="#${id}">${title}</a></li>`).join('\n')}
</ul></nav>
</header>
<main>
<section id="files" aria-labelledby="files-heading">
<h2 id="files-heading">Files</h2>
<p>Every file is UTF-8. Lists inside a cell are separated by <code>;</code>. Dates keep the precision of their source (<code>YYYY</code>, <code>YYYY-MM</code> or <code>YYYY-MM-DD</code>).</p>
<table id="files-table">
<caption>${input.files.length} files, last updated ${e(input.lastUpdated)}</caption>
<thead><tr><th scope="col">File</th><th scope="col">Contents</th><th scope="col">Format</th><th scope="col" class="num">Size</th><th scope="col" class="num">Rows</th><th scope="col">Last update</th></tr></thead>
<tbody>
${fileRows.join('\n')}
</tbody>
</table>
</section>
<section id="timeline" aria-labelledby="timeline-heading">
<h2 id="timeline-heading">Events per month</h2>
<figure id="timeline-figure">
${timelineSvg(timeline, { id: 'timeline-svg' })}
<figcaption>${firstMonth && lastMonth
    ? `Events per month from ${monthLabel(firstMonth.month)} to ${monthLabel(lastMonth.month)}, by the date each event happened (not the date it was reported).`
    : 'No event is dated to the month yet.'}${timelineNotes.length > 0 ? ` ${timelineNotes.join(' ')}` : ''}</figcaption>
</figure>
${timeline.months.length > 0 ? `<details>
<summary>The counts as a table</summary>
<table id="timeline-table">
<caption>Events per month</caption>
<thead><tr><th scope="col">Month</th><th scope="col" class="num">Events</th></tr></thead>
<tbody>
${timeline.months.map((m) => `<tr><td><time datetime="${m.month}">${monthLabel(m.month)}</time></td><td class="num">${formatInteger(m.count)}</td></tr>`).join('\n')}
</tbody>
</table>
</details>` : ''}
</section>
<section id="map" aria-labelledby="map-heading">
<h2 id="map-heading">Where events happen</h2>
<figure id="map-figure">
${worldMapSvg(map, { id: 'map-svg' })}
<figcaption>${map.places.length > 0
    ? `${plural(map.places.reduce((s, p) => s + p.count, 0), 'event')} in ${plural(map.places.length, 'place')}; a circle's area grows with the number of events there. Equirectangular projection, graticule every 30°. Land: Natural Earth (public domain).`
    : 'No event has a place with coordinates yet. Land: Natural Earth (public domain).'}${mapNotes.length > 0 ? ` ${mapNotes.join(' ')}` : ''}</figcaption>
</figure>
${map.places.length > 0 ? `<details>
<summary>The places as a table</summary>
<table id="places-table">
<caption>Events per place</caption>
<thead><tr><th scope="col">Place</th><th scope="col" class="num">Latitude</th><th scope="col" class="num">Longitude</th><th scope="col" class="num">Events</th></tr></thead>
<tbody>
${map.places.map((p) => `<tr><td>${e(placeName(p))}</td><td class="num">${p.latitude}</td><td class="num">${p.longitude}</td><td class="num">${formatInteger(p.count)}</td></tr>`).join('\n')}
</tbody>
</table>
</details>` : ''}
</section>
<section id="columns" aria-labelledby="columns-heading">
<h2 id="columns-heading">Columns</h2>
<p>Column types: <code>string</code>, <code>date</code> (ISO 8601 at the source's precision), <code>integer</code>, <code>decimal</code>, <code>code-list</code> and <code>string-list</code> (<code>;</code>-separated). Columns may be added at the end of a table; none is renamed or dropped.</p>
${columnTables.join('\n')}
</section>
<section id="cite" aria-labelledby="cite-heading">
<h2 id="cite-heading">How to cite</h2>
<blockquote id="citation"><p>${e(citation)}</p></blockquote>
<p>The data is published under <a rel="license" href="${safeHref(input.license.url)}">${e(input.license.name)}</a>: reuse it freely, crediting the source as above.</p>
</section>
<section id="query" aria-labelledby="query-heading">
<h2 id="query-heading">How to query</h2>
<p>${input.downloadBase ? `The files are plain downloads under <code>${e(input.downloadBase)}</code>.` : 'Run these from the folder that holds the files.'} Read every column as text (codes such as CAMEO <code>042</code> keep their leading zeros).</p>
${queries.map((q) => `<h3>${e(q.title)}</h3>\n<pre><code>${e(q.code)}</code></pre>`).join('\n')}
</section>
<section id="metadata" aria-labelledby="metadata-heading">
<h2 id="metadata-heading">Machine-readable metadata</h2>
<p>This page embeds the dataset's schema.org description as JSON-LD${catalogFile ? `, also published as <a href="${fileHref(catalogFile.key)}"><code>${e(catalogFile.key)}</code></a>` : ''}.</p>
</section>
</main>
<footer>
<p>${e(input.title)}, version ${e(input.version)}. Data under <a rel="license" href="${safeHref(input.license.url)}">${e(input.license.name)}</a>.${attributions(input.attributions ?? [])} Map land outline: Natural Earth (public domain). This page was generated with the data; its figures are drawn when the data is published.</p>
</footer>
</body>
</html>
`;
}
