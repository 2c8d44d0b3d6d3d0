import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  citationText,
  defaultQueries,
  escapeHtml,
  eventsFromRows,
  formatBytes,
  jsonForScript,
  latestDate,
  renderLandingPage,
  safeHref,
} from '../../src/datasets/landing-page.js';
import { columnNames, EVENTS_TABLE, TABLES } from '../../src/datasets/schema.js';
import { MAX_MONTHS, monthlyCounts, placeCounts, project, timelineSvg, worldMapSvg } from '../../src/datasets/svg-charts.js';
import { WORLD_OUTLINE } from '../../src/datasets/world-outline.js';
import { SAMPLE_JSON_LD, SAMPLE_PLACES, sampleEvents, sampleLandingInput } from '../helpers/landing-page.js';

// The project compiles without the DOM lib; the few members these tests read.
interface El {
  readonly textContent: string | null;
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}
const parse = (html: string): El => (parseHTML(html) as unknown as { document: El }).document;
const all = (root: El, selector: string): El[] => Array.from(root.querySelectorAll(selector));
const text = (el: El | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const one = (root: El, selector: string): El => {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};

describe('renderLandingPage', () => {
  const input = sampleLandingInput();
  const html = renderLandingPage(input);
  const doc = parse(html);

  it('is an HTML5 page in English with the title as its heading and every section', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(text(one(doc, 'title'))).toBe(input.title);
    expect(all(doc, 'h1').map(text)).toEqual([input.title]);
    for (const id of ['files', 'timeline', 'map', 'columns', 'cite', 'query', 'metadata']) {
      const section = one(doc, `section#${id}`);
      expect(section.getAttribute('aria-labelledby'), id).toBe(`${id}-heading`);
      expect(text(one(section, 'h2')), id).not.toBe('');
    }
    expect(text(one(doc, '.lede'))).toBe(input.description);
    const facts = Object.fromEntries(all(doc, 'dl.facts div').map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))]));
    expect(facts).toEqual({
      Version: '0.1.0',
      'Last updated': '2025-06-30',
      License: 'CC BY 4.0',
      Events: String(input.events.length),
      Identifier: 'https://w3id.org/entente/',
    });
  });

  it('lists every file with a relative link, its size, rows and last update', () => {
    const rows = all(doc, '#files-table tbody tr');
    expect(rows).toHaveLength(input.files.length);
    input.files.forEach((file, i) => {
      const cells = all(rows[i]!, 'td');
      expect(one(cells[0]!, 'a').getAttribute('href')).toBe(file.key);
      expect(text(cells[0])).toBe(file.key);
      expect(cells[3]!.getAttribute('data-bytes')).toBe(String(file.bytes));
      expect(text(cells[3])).toBe(formatBytes(file.bytes));
      expect(text(cells[4])).toBe(file.rows === undefined ? '—' : String(file.rows));
      expect(text(cells[5])).toBe(file.updated ?? input.lastUpdated);
    });
    expect(text(rows[0]!.querySelector('td:nth-child(2)'))).toBe(`The events table: ${EVENTS_TABLE.columns.length} columns (see below).`);
    expect(text(rows[0]!.querySelector('td:nth-child(3)'))).toBe('CSV');
    expect(text(rows[3]!.querySelector('td:nth-child(4)'))).toBe('1.3 MiB');
  });

  it('has one column table per table of schema.ts, row for row', () => {
    const tables = all(doc, 'table.columns');
    expect(tables.map((t) => t.getAttribute('id'))).toEqual(TABLES.map((t) => `columns-${t.name}`));
    for (const table of TABLES) {
      const element = one(doc, `#columns-${table.name}`);
      expect(text(one(element, 'caption'))).toContain(table.file);
      const rows = all(element, 'tbody tr');
      expect(rows.map((r) => text(r.querySelector('th')))).toEqual(columnNames(table));
      expect(rows.map((r) => text(r.querySelector('td:nth-child(2)')))).toEqual(table.columns.map((c) => c.type));
      expect(rows.map((r) => text(r.querySelector('td:nth-child(3)')))).toEqual(table.columns.map((c) => c.description.replace(/\s+/g, ' ')));
    }
  });

  it('embeds the JSON-LD, parseable and unchanged', () => {
    const scripts = all(doc, 'script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('type')).toBe('application/ld+json');
    expect(JSON.parse(scripts[0]!.textContent ?? '')).toEqual(SAMPLE_JSON_LD);
  });

  it('draws one bar per month from the first to the last month, zero months included', () => {
    const bars = all(doc, '#timeline-figure svg rect.bar');
    expect(bars).toHaveLength(18);
    expect(bars.map((b) => b.getAttribute('data-month'))).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 6 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    ]);
    const counts = bars.map((b) => Number(b.getAttribute('data-count')));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(90);
    expect(counts[3]).toBe(0);
    expect(bars.every((b) => /^[A-Z][a-z]{2} 202[45]: \d+ events?$/.test(text(b.querySelector('title'))))).toBe(true);
    // Year-only and undated events are counted in the caption, not drawn.
    expect(text(one(doc, '#timeline-figure figcaption'))).toContain('Dated to the year only, so not drawn: 2023 (2).');
    expect(text(one(doc, '#timeline-figure figcaption'))).toContain('2 events without a date.');
    expect(all(doc, '#timeline-table tbody tr')).toHaveLength(18);
  });

  it('draws one circle per located place, with a title naming it', () => {
    const circles = all(doc, '#map-figure svg circle.place');
    expect(circles).toHaveLength(SAMPLE_PLACES.length);
    const titles = circles.map((c) => text(c.querySelector('title')));
    for (const place of SAMPLE_PLACES) expect(titles.some((t) => t.startsWith(`${place.city}, ${place.country}: `))).toBe(true);
    expect(circles.map((c) => Number(c.getAttribute('data-count'))).reduce((a, b) => a + b, 0)).toBe(91);
    // The busiest first, so smaller circles are drawn on top; the biggest has the largest radius.
    const counts = circles.map((c) => Number(c.getAttribute('data-count')));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(Number(circles[0]!.getAttribute('r'))).toBeGreaterThan(Number(circles[circles.length - 1]!.getAttribute('r')));
    const paris = circles.find((c) => text(c.querySelector('title')).startsWith('Paris'))!;
    const [x, y] = project(48.85341, 2.3488);
    expect(Number(paris.getAttribute('cx'))).toBeCloseTo(x, 0);
    expect(Number(paris.getAttribute('cy'))).toBeCloseTo(y, 0);
    expect(text(one(doc, '#map-figure figcaption'))).toContain('1 event names a place without coordinates. 2 events name no place.');
    expect(all(doc, '#map-figure svg path.land')).toHaveLength(1);
    expect(all(doc, '#map-figure svg .graticule line')).toHaveLength(11 + 4);
    expect(all(doc, '#map-figure svg line.equator')).toHaveLength(1);
  });

  it('makes both figures accessible: role, labels, title and description, figcaption', () => {
    for (const figure of ['#timeline-figure', '#map-figure']) {
      const svg = one(doc, `${figure} svg`);
      expect(svg.getAttribute('role')).toBe('img');
      const [titleId, descId] = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
      expect(text(one(svg, `title#${titleId}`))).not.toBe('');
      expect(text(one(svg, `desc#${descId}`))).not.toBe('');
      expect(text(one(doc, `${figure} figcaption`))).not.toBe('');
    }
    expect(all(doc, 'table').every((t) => t.querySelector('caption') !== null)).toBe(true);
  });

  it('cites and shows queries over the download base', () => {
    expect(text(one(doc, '#citation'))).toBe(
      'Entente: diplomatic events and agreements (version 0.1.0) [Data set]. 2025. https://w3id.org/entente/. License: CC BY 4.0.',
    );
    const queries = all(doc, '#query pre code').map(text);
    expect(queries).toHaveLength(3);
    expect(queries[0]).toBe('curl -O https://example.org/datasets/events.csv -O https://example.org/datasets/agreements.csv');
    expect(queries[1]).toContain("read_csv('https://example.org/datasets/events.csv', all_varchar = true)");
    expect(text(one(doc, '#metadata'))).toContain('catalog.jsonld');
  });

  it('loads nothing from anywhere: no external script, stylesheet, font, image or frame', () => {
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|video|audio|source)\b/i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(one(doc, 'meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("default-src 'none'");
    // Every link is in-page, relative, or one of the URLs the input gave.
    const given = new Set([input.license.url, input.identifier, 'https://www.geonames.org/']);
    for (const a of all(doc, 'a')) {
      const href = a.getAttribute('href') ?? '';
      expect(href.startsWith('#') || !/^[a-z]+:/i.test(href) || given.has(href), href).toBe(true);
    }
  });

  it('is deterministic: the same input, in any event order, gives the same bytes', () => {
    expect(renderLandingPage(sampleLandingInput())).toBe(html);
    const reversed = sampleLandingInput({ events: [...sampleEvents()].reverse() });
    expect(renderLandingPage(reversed)).toBe(html);
  });

  it('escapes everything it interpolates', () => {
    const payload = '</title><script>alert("x")</script><b onmouseover=\'y\'>&amp;';
    const jsonLd = { '@type': 'Dataset', name: '</script><script>alert(1)</script><!--', note: '\u2028&' };
    const page = renderLandingPage(sampleLandingInput({
      title: payload,
      description: payload,
      version: payload,
      lastUpdated: payload,
      identifier: 'javascript:alert(1)',
      license: { name: payload, url: 'JavaScript:alert(1)' },
      citation: payload,
      queries: [{ title: payload, code: `curl ${payload}` }],
      files: [{ key: '<script>x</script>.csv', bytes: 10, rows: 1, contentType: payload }],
      events: [{ date: '2024-01-02', city: payload, country: payload, latitude: 1, longitude: 2 }],
      attributions: [{ name: payload, url: 'data:text/html,<script>alert(1)</script>', license: payload }],
      jsonLd,
    }));
    const parsed = parse(page);
    expect(page.match(/<script/gi)).toHaveLength(1);
    expect(page).not.toContain('<b onmouseover');
    expect(page).not.toContain('</title><script>');
    expect(text(one(parsed, 'title'))).toBe(payload);
    expect(text(one(parsed, 'h1'))).toBe(payload);
    expect(text(one(parsed, '#map-figure circle.place title'))).toContain(payload);
    expect(JSON.parse(one(parsed, 'script').textContent ?? '')).toEqual(jsonLd);
    for (const a of all(parsed, 'a')) expect(a.getAttribute('href') ?? '').not.toMatch(/^(javascript|data):/i);
    expect(one(parsed, '#files-table a').getAttribute('href')).toBe('%3Cscript%3Ex%3C/script%3E.csv');
  });

  it('still renders both figures with no event at all', () => {
    const page = parse(renderLandingPage(sampleLandingInput({ events: [] })));
    expect(all(page, '#timeline-figure svg')).toHaveLength(1);
    expect(all(page, '#timeline-figure rect.bar')).toHaveLength(0);
    expect(text(one(page, '#timeline-figure figcaption'))).toBe('No event is dated to the month yet.');
    expect(all(page, '#map-figure svg path.land')).toHaveLength(1);
    expect(all(page, '#map-figure circle.place')).toHaveLength(0);
    expect(all(page, '#timeline-table, #places-table')).toHaveLength(0);
  });

  it('takes the column tables from the input when given, and queries the current folder without a download base', () => {
    const page = parse(renderLandingPage(sampleLandingInput({
      tables: [{ name: 'events', file: 'events.csv', columns: [{ name: 'event_id', type: 'string', description: 'Id.' }] }],
      downloadBase: undefined,
    })));
    expect(all(page, 'table.columns')).toHaveLength(1);
    expect(text(one(page, '#query pre code'))).toBe('curl -O events.csv -O agreements.csv');
  });
});

describe('helpers', () => {
  it('eventsFromRows reads the figures\' columns of events.csv rows', () => {
    expect(eventsFromRows([
      { event_id: 'ev-1', date: '2024-05', location_city: 'Accra', location_country: 'GHA', latitude: '5.556', longitude: '-0.1969' },
      { event_id: 'ev-2', date: '', location_city: '', location_country: 'KEN', latitude: '', longitude: '' },
    ])).toEqual([
      { date: '2024-05', city: 'Accra', country: 'GHA', latitude: 5.556, longitude: -0.1969 },
      { date: undefined, city: undefined, country: 'KEN', latitude: undefined, longitude: undefined },
    ]);
  });

  it('latestDate picks the latest ISO date of any precision', () => {
    expect(latestDate(['2024-05', '2024-05-03', '', undefined, '2023-12-31', 'May 2030'])).toBe('2024-05-03');
    expect(latestDate([])).toBeUndefined();
  });

  it('escapeHtml escapes the five characters that matter', () => {
    expect(escapeHtml(`<script>alert('1' & "2")</script>`)).toBe('&lt;script&gt;alert(&#39;1&#39; &amp; &quot;2&quot;)&lt;/script&gt;');
    expect(escapeHtml('Brasília … ok')).toBe('Brasília … ok');
  });

  it('jsonForScript keeps JSON that cannot end the script element', () => {
    const value = { a: '</script><!-- & \u2028\u2029' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
    expect(() => jsonForScript({ toJSON: () => undefined })).toThrow(/JSON-serialisable/);
  });

  it('safeHref lets http(s), mailto and relative links through, nothing else', () => {
    expect(safeHref('https://a.org/?x=1&y=2')).toBe('https://a.org/?x=1&amp;y=2');
    expect(safeHref('mailto:a@b.org')).toBe('mailto:a@b.org');
    expect(safeHref('events.csv')).toBe('events.csv');
    expect(safeHref(' javascript:alert(1)')).toBe('#');
    expect(safeHref('data:text/html,x')).toBe('#');
    expect(safeHref('vbscript:x')).toBe('#');
  });

  it('formatBytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(150 * 1024 * 1024)).toBe('150 MiB');
  });

  it('citationText takes the year from the data, not the clock', () => {
    expect(citationText({ title: 'T', version: '2', lastUpdated: '2019-03', license: { name: 'CC0', url: 'x' } })).toBe('T (version 2) [Data set]. 2019. License: CC0.');
  });

  it('the default queries read columns that exist', () => {
    const names = new Set(columnNames(EVENTS_TABLE));
    for (const query of defaultQueries('https://x/')) {
      for (const column of query.code.match(/\b[a-z]+_[a-z_]+\b/g) ?? []) {
        if (!['read_csv', 'all_varchar', 'read_csv', 'keep_default_na'].includes(column)) expect(names.has(column), column).toBe(true);
      }
    }
  });

  it('monthlyCounts sorts dates by precision and drops what is not ISO 8601', () => {
    const data = monthlyCounts([
      { date: '2024-03-15' }, { date: '2024-03' }, { date: '2024-01-01' }, { date: '2023' }, { date: '2024' }, { date: '2024' },
      { date: '2024-13' }, { date: 'March 2024' }, {},
    ]);
    expect(data.months).toEqual([{ month: '2024-01', count: 1 }, { month: '2024-02', count: 0 }, { month: '2024-03', count: 2 }]);
    expect(data.yearOnly).toEqual([{ year: '2023', count: 1 }, { year: '2024', count: 2 }]);
    expect(data.undated).toBe(3);
    expect(data.earlier).toBe(0);
  });

  it(`monthlyCounts keeps the latest ${MAX_MONTHS} months and counts the earlier events`, () => {
    const data = monthlyCounts([{ date: '1950-06-01' }, { date: '2000-01' }, { date: '2024-12' }]);
    expect(data.months).toHaveLength(MAX_MONTHS);
    expect(data.months[0]!.month).toBe('2005-01');
    expect(data.earlier).toBe(2);
    const svg = timelineSvg(data, { id: 't' });
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(MAX_MONTHS);
    // Long ranges are labelled by year, not by month.
    expect(svg).toContain('>2024</text>');
    expect(svg).not.toContain('>Jan 2024</text>');
  });

  it('placeCounts groups by place and skips impossible coordinates', () => {
    const data = placeCounts([
      { city: 'Accra', country: 'GHA', latitude: 5.55602, longitude: -0.1969 },
      { city: 'Accra', country: 'GHA', latitude: 5.556021, longitude: -0.19690 },
      { city: 'Lomé', country: 'TGO', latitude: 6.13748, longitude: 1.21227 },
      { city: 'Nowhere', latitude: 91, longitude: 0 },
      { country: 'MLI' },
      { latitude: Number.NaN, longitude: 1 },
    ]);
    expect(data.places.map((p) => [p.city, p.count])).toEqual([['Accra', 2], ['Lomé', 1]]);
    expect(data.withoutCoordinates).toBe(2);
    expect(data.withoutPlace).toBe(1);
    expect(worldMapSvg(data, { id: 'm' }).match(/<circle class="place"/g)).toHaveLength(2);
  });

  it('the world outline is a closed path inside the map frame', () => {
    expect(WORLD_OUTLINE).toMatch(/^(M-?[\d.]+ [\d.]+(L-?[\d.]+ [\d.]+)+Z)+$/);
    const numbers = WORLD_OUTLINE.match(/-?[\d.]+/g)!.map(Number);
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    // Rings across the antimeridian overhang the frame, once on each side.
    expect(Math.min(...xs)).toBeGreaterThan(-360);
    expect(Math.max(...xs)).toBeLessThan(720);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(90 + 60 + 1);
    expect(WORLD_OUTLINE.match(/M/g)!.length).toBeGreaterThan(20);
  });
});
