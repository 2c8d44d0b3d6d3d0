/**
 * The two figures of the landing page (landing-page.ts), drawn as inline SVG at publish
 * time: events per month, and a world map of where events happen. Pure functions of the
 * events: no clock, no randomness, no network; every number is rounded so the same events
 * give the same bytes. Every interpolated string goes through escapeHtml.
 */
import { WORLD_OUTLINE } from './world-outline.js';

/** What the figures read of an event (events.csv: date, location_city, location_country, latitude, longitude). */
export interface ChartEvent {
  /** ISO 8601 at the precision the source supports: YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly date?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly city?: string;
  /** ISO 3166-1 alpha-3. */
  readonly country?: string;
  /** How many events it stands for, when events alike are counted once (see ChartEventTally). @default 1 */
  readonly count?: number;
}

/** How many events the figures count for it. */
export const weight = (event: ChartEvent): number => event.count ?? 1;

/** Escapes text for HTML and XML: element content and quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A number for SVG coordinates: one decimal, never "-0". */
const n = (value: number): string => {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
};

/** 1234567 → "1,234,567", without the host's locale. */
export function formatInteger(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1 → "1 event", 3 → "3 events". */
export const plural = (count: number, one: string, many = `${one}s`): string => `${formatInteger(count)} ${count === 1 ? one : many}`;

// ---------------------------------------------------------------------------------------
// Timeline

export interface MonthCount {
  /** YYYY-MM. */
  readonly month: string;
  readonly count: number;
}

export interface TimelineData {
  /** Every month from the earliest to the latest month-precise date (at most MAX_MONTHS, the latest ones), zeros included. */
  readonly months: readonly MonthCount[];
  /** Events dated to a year only, by year: they have no bar. */
  readonly yearOnly: readonly { readonly year: string; readonly count: number }[];
  /** Month-precise events before the first month drawn (when the range was longer than MAX_MONTHS). */
  readonly earlier: number;
  /** Events without a date, or with one that is not ISO 8601. */
  readonly undated: number;
}

/** Twenty years of bars: beyond that a bar would be thinner than 3 px. */
export const MAX_MONTHS = 240;

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const monthIndex = (year: number, month: number): number => year * 12 + (month - 1);
const monthKey = (index: number): string => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

export function monthlyCounts(events: readonly ChartEvent[]): TimelineData {
  const byMonth = new Map<number, number>();
  const byYear = new Map<string, number>();
  let undated = 0;
  for (const event of events) {
    const match = DATE.exec(event.date ?? '');
    const month = match?.[2] === undefined ? undefined : Number(match[2]);
    const n = weight(event);
    if (!match) undated += n;
    else if (month === undefined) byYear.set(match[1]!, (byYear.get(match[1]!) ?? 0) + n);
    else if (month < 1 || month > 12) undated += n;
    else {
      const index = monthIndex(Number(match[1]), month);
      byMonth.set(index, (byMonth.get(index) ?? 0) + n);
    }
  }
  const yearOnly = [...byYear].sort(([a], [b]) => (a < b ? -1 : 1)).map(([year, count]) => ({ year, count }));
  if (byMonth.size === 0) return { months: [], yearOnly, earlier: 0, undated };
  const indexes = [...byMonth.keys()];
  const last = Math.max(...indexes);
  const first = Math.max(Math.min(...indexes), last - MAX_MONTHS + 1);
  let earlier = 0;
  for (const [index, count] of byMonth) if (index < first) earlier += count;
  const months: MonthCount[] = [];
  for (let index = first; index <= last; index++) months.push({ month: monthKey(index), count: byMonth.get(index) ?? 0 });
  return { months, yearOnly, earlier, undated };
}

/** "2024-03" → "Mar 2024". */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-');
  return `${MONTH_NAMES[Number(number) - 1] ?? number} ${year}`;
}

/** A step of 1, 2 or 5 × 10ⁿ giving about `ticks` intervals up to `max`. */
function niceStep(max: number, ticks: number): number {
  const raw = Math.max(1, max / ticks);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(1, Math.round(step));
}

/** How many months between two labels: calendar-aligned, at most about 12 labels. */
function labelEvery(months: number): number {
  return [1, 2, 3, 6, 12, 24, 60, 120].find((k) => months / k <= 12) ?? 240;
}

const TIMELINE = { width: 760, height: 260, left: 44, right: 12, top: 18, bottom: 46 } as const;

export interface SvgOptions {
  /** Prefix of the ids inside the SVG (its <title> and <desc>), unique within the page. */
  readonly id: string;
}

/** Events per month as bars, one `<rect class="bar">` per month (zero-height for an empty month), each with its count in a <title>. */
export function timelineSvg(data: TimelineData, options: SvgOptions): string {
  const { width, height, left, right, top, bottom } = TIMELINE;
  const total = data.months.reduce((sum, m) => sum + m.count, 0);
  const first = data.months[0];
  const last = data.months[data.months.length - 1];
  const label = first && last
    ? `Bar chart: ${plural(total, 'event')} dated to the month, per month, from ${monthLabel(first.month)} to ${monthLabel(last.month)}; the busiest month had ${plural(Math.max(...data.months.map((m) => m.count)), 'event')}.`
    : 'Bar chart of events per month: no event has a date precise to the month yet.';
  const id = escapeHtml(options.id);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-size="12" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title id="${id}-title">Events per month</title>`,
    `<desc id="${id}-desc">${escapeHtml(label)}</desc>`,
  ];
  if (!first || !last) {
    out.push(`<rect x="${left}" y="${top}" width="${width - left - right}" height="${height - top - bottom}" fill="#f7f9fc" stroke="#c9d3de"/>`);
    out.push(`<text x="${width / 2}" y="${(height - bottom + top) / 2}" text-anchor="middle" fill="#556">No event has a date precise to the month yet.</text>`);
    out.push('</svg>');
    return out.join('\n');
  }
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...data.months.map((m) => m.count));
  const step = niceStep(max, 4);
  const top_ = Math.ceil(max / step) * step;
  const y = (count: number): number => top + plotHeight - (count / top_) * plotHeight;
  // Horizontal grid lines and their counts.
  out.push('<g class="axis y-axis" fill="#556" stroke="#dde3ea">');
  for (let tick = 0; tick <= top_; tick += step) {
    out.push(`<line x1="${left}" x2="${width - right}" y1="${n(y(tick))}" y2="${n(y(tick))}"/><text x="${left - 6}" y="${n(y(tick) + 4)}" text-anchor="end" stroke="none">${formatInteger(tick)}</text>`);
  }
  out.push('</g>');
  const slot = plotWidth / data.months.length;
  const gap = slot >= 6 ? Math.min(slot * 0.2, 4) : 0;
  const showCounts = data.months.length <= 24;
  out.push('<g class="bars" fill="#2f6690">');
  data.months.forEach((m, i) => {
    const x = left + i * slot + gap / 2;
    const barTop = y(m.count);
    out.push(`<rect class="bar" data-month="${m.month}" data-count="${m.count}" x="${n(x)}" y="${n(barTop)}" width="${n(slot - gap)}" height="${n(top + plotHeight - barTop)}"><title>${monthLabel(m.month)}: ${plural(m.count, 'event')}</title></rect>`);
    if (showCounts && m.count > 0) {
      out.push(`<text class="count" x="${n(x + (slot - gap) / 2)}" y="${n(barTop - 4)}" text-anchor="middle" fill="#1d3d5c" font-size="11">${formatInteger(m.count)}</text>`);
    }
  });
  out.push('</g>');
  // Month labels on the calendar's own rhythm (every January for long ranges).
  const every = labelEvery(data.months.length);
  out.push(`<g class="axis x-axis" fill="#556" stroke="#99a">`);
  out.push(`<line x1="${left}" x2="${width - right}" y1="${top + plotHeight}" y2="${top + plotHeight}"/>`);
  let lastLabelEnd = -Infinity;
  data.months.forEach((m, i) => {
    const [year, month] = m.month.split('-').map(Number) as [number, number];
    const aligned = every < 12 ? (month - 1) % every === 0 : month === 1 && year % (every / 12) === 0;
    if (!aligned && !(i === 0 && data.months.length < every)) return;
    const x = left + (i + 0.5) * slot;
    const text = every < 12 ? monthLabel(m.month) : String(year);
    // Centred under its bar, kept inside the chart (about 7 px a character at 12 px).
    const half = (text.length * 7) / 2;
    const labelX = Math.min(Math.max(x, left + half), width - right - half);
    if (labelX - half < lastLabelEnd + 6) return; // pushed into its neighbour by the chart's edge
    lastLabelEnd = labelX + half;
    out.push(`<line x1="${n(x)}" x2="${n(x)}" y1="${top + plotHeight}" y2="${top + plotHeight + 5}"/><text x="${n(labelX)}" y="${top + plotHeight + 18}" text-anchor="middle" stroke="none">${text}</text>`);
  });
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------
// World map

export interface PlaceCount {
  readonly city?: string;
  readonly country?: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly count: number;
}

export interface MapData {
  /** One per distinct (city, country, coordinates), busiest first. */
  readonly places: readonly PlaceCount[];
  /** Events that name a place without coordinates. */
  readonly withoutCoordinates: number;
  /** Events that name no place. */
  readonly withoutPlace: number;
}

const validCoordinates = (event: ChartEvent): event is ChartEvent & { latitude: number; longitude: number } =>
  typeof event.latitude === 'number' && typeof event.longitude === 'number' &&
  Number.isFinite(event.latitude) && Number.isFinite(event.longitude) &&
  Math.abs(event.latitude) <= 90 && Math.abs(event.longitude) <= 180;

export const placeName = (place: { readonly city?: string; readonly country?: string }): string =>
  [place.city, place.country].filter((part) => part !== undefined && part !== '').join(', ') || 'Unnamed place';

export function placeCounts(events: readonly ChartEvent[]): MapData {
  const places = new Map<string, { city?: string; country?: string; latitude: number; longitude: number; count: number }>();
  let withoutCoordinates = 0;
  let withoutPlace = 0;
  for (const event of events) {
    const n = weight(event);
    if (!validCoordinates(event)) {
      if (event.city || event.country) withoutCoordinates += n;
      else withoutPlace += n;
      continue;
    }
    const latitude = Math.round(event.latitude * 1e4) / 1e4;
    const longitude = Math.round(event.longitude * 1e4) / 1e4;
    const key = JSON.stringify([event.city ?? '', event.country ?? '', latitude, longitude]);
    const place = places.get(key);
    if (place) place.count += n;
    else places.set(key, { city: event.city || undefined, country: event.country || undefined, latitude, longitude, count: n });
  }
  const sorted = [...places.values()].sort((a, b) =>
    b.count - a.count || compare(placeName(a), placeName(b)) || a.latitude - b.latitude || a.longitude - b.longitude);
  return { places: sorted, withoutCoordinates, withoutPlace };
}
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The map's frame in degrees: the whole longitude range, latitudes from 90° N down to 60° S. */
const NORTH = 90;
const SOUTH = -60;
const SCALE = 2;
const MAP_WIDTH = 360 * SCALE;
const MAP_HEIGHT = (NORTH - SOUTH) * SCALE;
const R_MIN = 2.5;
const R_MAX = 12;

/** Equirectangular: x = (longitude + 180) × SCALE, y = (90 − latitude) × SCALE; latitudes beyond the frame sit on its edge. */
export const project = (latitude: number, longitude: number): [number, number] => [
  (longitude + 180) * SCALE,
  (NORTH - Math.min(NORTH, Math.max(SOUTH, latitude))) * SCALE,
];

export const radius = (count: number, max: number): number => R_MIN + (R_MAX - R_MIN) * Math.sqrt(count / Math.max(1, max));

const degrees = (value: number, positive: string, negative: string): string =>
  `${Math.abs(Math.round(value * 100) / 100)}° ${value >= 0 ? positive : negative}`;

/**
 * A world map of where events happen: equirectangular, with Natural Earth's land
 * outline, a 30° graticule and the equator; one `<circle class="place">` per place, its
 * area proportional to the number of events there, with a <title> naming it.
 */
export function worldMapSvg(data: MapData, options: SvgOptions): string {
  const id = escapeHtml(options.id);
  const total = data.places.reduce((sum, p) => sum + p.count, 0);
  const busiest = data.places[0];
  const label = busiest
    ? `World map: ${plural(total, 'event')} in ${plural(data.places.length, 'place')}; the most is ${placeName(busiest)} with ${plural(busiest.count, 'event')}.`
    : 'World map: no event has a place with coordinates yet.';
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart world-map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" overflow="hidden" role="img" aria-labelledby="${id}-title ${id}-desc" font-size="11" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">`,
    `<title id="${id}-title">Where events happen</title>`,
    `<desc id="${id}-desc">${escapeHtml(label)}</desc>`,
    `<rect class="ocean" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="#eef4fa"/>`,
    `<path class="land" transform="scale(${SCALE})" fill="#d6dde5" fill-rule="evenodd" d="${WORLD_OUTLINE}"/>`,
  ];
  // Graticule every 30°, the equator darker; labels just inside the frame.
  out.push('<g class="graticule" fill="none" stroke="#b8c4d0" stroke-width="0.6">');
  for (let lon = -150; lon <= 150; lon += 30) {
    const [x] = project(0, lon);
    out.push(`<line x1="${n(x)}" x2="${n(x)}" y1="0" y2="${MAP_HEIGHT}"/>`);
  }
  for (let lat = 60; lat > SOUTH; lat -= 30) {
    const [, y] = project(lat, 0);
    out.push(`<line x1="0" x2="${MAP_WIDTH}" y1="${n(y)}" y2="${n(y)}"${lat === 0 ? ' class="equator" stroke="#8a9bb0" stroke-width="1"' : ''}/>`);
  }
  out.push('</g>');
  out.push('<g class="graticule-labels" fill="#6b7b8c">');
  for (let lat = 60; lat > SOUTH; lat -= 30) {
    const [, y] = project(lat, 0);
    out.push(`<text x="4" y="${n(y - 3)}">${lat === 0 ? '0°' : degrees(lat, 'N', 'S')}</text>`);
  }
  for (let lon = -120; lon <= 120; lon += 60) {
    const [x] = project(0, lon);
    out.push(`<text x="${n(x + 3)}" y="${MAP_HEIGHT - 4}">${lon === 0 ? '0°' : degrees(lon, 'E', 'W')}</text>`);
  }
  out.push('</g>');
  out.push(`<rect class="frame" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" fill="none" stroke="#8a9bb0"/>`);
  // Places, the busiest first so smaller circles are drawn over larger ones.
  const max = busiest?.count ?? 1;
  out.push('<g class="places" fill="#c0392b" fill-opacity="0.65" stroke="#fff" stroke-width="0.8">');
  for (const place of data.places) {
    const [x, y] = project(place.latitude, place.longitude);
    const where = `${degrees(place.latitude, 'N', 'S')}, ${degrees(place.longitude, 'E', 'W')}`;
    out.push(`<circle class="place" data-count="${place.count}" cx="${n(x)}" cy="${n(y)}" r="${n(radius(place.count, max))}"><title>${escapeHtml(placeName(place))}: ${plural(place.count, 'event')} (${where})</title></circle>`);
  }
  out.push('</g>');
  if (busiest) {
    // Legend: the smallest and the largest circle, bottom left over the Pacific.
    const counts = max > 1 ? [1, max] : [1];
    out.push('<g class="legend" fill="#333">');
    out.push(`<rect x="8" y="${MAP_HEIGHT - 62}" width="${max > 1 ? 118 : 84}" height="40" rx="3" fill="#fff" fill-opacity="0.85" stroke="#c9d3de"/>`);
    let x = 22;
    for (const count of counts) {
      const r = radius(count, max);
      out.push(`<circle cx="${n(x)}" cy="${MAP_HEIGHT - 42}" r="${n(r)}" fill="#c0392b" fill-opacity="0.65" stroke="#fff"/><text x="${n(x + r + 4)}" y="${MAP_HEIGHT - 38}">${plural(count, 'event')}</text>`);
      x += r + 70;
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
