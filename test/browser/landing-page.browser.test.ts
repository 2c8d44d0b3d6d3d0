/**
 * Opens the landing page (index.html) in headless Chromium from a file:// URL and checks
 * that it renders: the tables, both figures, the embedded JSON-LD, no console error (a
 * Content-Security-Policy violation would be one), and no request leaving the machine.
 * Saves screenshots to a temporary folder and prints where.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderLandingPage } from '../../src/datasets/landing-page.js';
import { TABLES } from '../../src/datasets/schema.js';
import { SAMPLE_JSON_LD, SAMPLE_PLACES, sampleLandingInput } from '../helpers/landing-page.js';
import type { Chromium } from './chromium.js';
import { CHROMIUM, chromiumAvailable, IN_CI, launchChromium, MISSING_CHROMIUM } from './chromium.js';

const available = chromiumAvailable();

if (!available && IN_CI) {
  it('has Chromium to open the landing page in', () => {
    throw new Error(MISSING_CHROMIUM);
  });
} else if (!available) {
  console.warn(`skipping the browser test: ${MISSING_CHROMIUM}`);
}

/** A URL the page may load: itself and other local files, or a server on the loopback interface. */
const isLocal = (url: string): boolean => /^(file:|data:|about:|https?:\/\/127\.0\.0\.1[:/])/.test(url);

interface Box { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).boundingBox();
  if (!found) throw new Error(`${selector} is not rendered`);
  return found;
}

describe.skipIf(!available)(`the landing page in headless Chromium (${CHROMIUM})`, () => {
  let browser: Chromium;
  let page: Page;
  let folder: string;
  let shots: string;
  const requests: string[] = [];
  const blocked: string[] = [];
  const problems: string[] = [];
  const input = sampleLandingInput();

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'entente-landing-'));
    shots = await mkdtemp(path.join(tmpdir(), 'entente-landing-screenshots-'));
    await writeFile(path.join(folder, 'index.html'), renderLandingPage(input));
    browser = await launchChromium({ width: 1200, height: 1800 });
    const { context } = browser;
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (request) => requests.push(request.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(pathToFileURL(path.join(folder, 'index.html')).href, { waitUntil: 'load', timeout: 10_000 });
  }, 20_000);

  afterAll(async () => {
    await browser?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('shows the title, every section and the file table', async () => {
    expect(await page.title()).toBe(input.title);
    for (const id of ['files', 'timeline', 'map', 'columns', 'cite', 'query', 'metadata']) {
      const section = await box(page, `section#${id}`);
      expect(section.height, id).toBeGreaterThan(40);
    }
    expect(await page.locator('#files-table tbody tr').count()).toBe(input.files.length);
    const files = await box(page, '#files-table');
    expect(files.width).toBeGreaterThan(600);
    expect(files.height).toBeGreaterThan(30 * input.files.length);
  });

  it('renders one column table per table of schema.ts', async () => {
    const tables = page.locator('table.columns');
    expect(await tables.count()).toBe(TABLES.length);
    for (const table of TABLES) {
      const rendered = await box(page, `#columns-${table.name}`);
      expect(rendered.width, table.name).toBeGreaterThan(600);
      expect(rendered.height, table.name).toBeGreaterThan(20 * table.columns.length);
      expect(await page.locator(`#columns-${table.name} tbody tr`).count()).toBe(table.columns.length);
    }
  });

  it('draws the timeline: a visible SVG with one bar per month', async () => {
    const svg = await box(page, '#timeline-figure svg');
    expect(svg.width).toBeGreaterThan(600);
    expect(svg.height).toBeGreaterThan(150);
    const bars = page.locator('#timeline-figure rect.bar');
    expect(await bars.count()).toBe(18);
    let drawn = 0;
    let empty = 0;
    for (let i = 0; i < 18; i++) {
      const bar = await bars.nth(i).boundingBox();
      const count = Number(await bars.nth(i).getAttribute('data-count'));
      if (count > 0) {
        expect(bar?.height ?? 0).toBeGreaterThan(0);
        expect(bar!.x).toBeGreaterThanOrEqual(svg.x);
        expect(bar!.x + bar!.width).toBeLessThanOrEqual(svg.x + svg.width + 0.5);
        drawn++;
      } else {
        expect(bar?.height ?? 0).toBe(0);
        empty++;
      }
    }
    expect(drawn).toBeGreaterThan(12);
    expect(empty).toBeGreaterThan(0);
  });

  it('draws the world map: land, graticule and one circle per place, inside the frame', async () => {
    const svg = await box(page, '#map-figure svg');
    expect(svg.width).toBeGreaterThan(600);
    expect(svg.width / svg.height).toBeCloseTo(720 / 300, 1);
    const land = await box(page, '#map-figure path.land');
    expect(land.width).toBeGreaterThan(svg.width * 0.8);
    const circles = page.locator('#map-figure circle.place');
    expect(await circles.count()).toBe(SAMPLE_PLACES.length);
    for (let i = 0; i < SAMPLE_PLACES.length; i++) {
      const circle = await circles.nth(i).boundingBox();
      expect(circle?.width ?? 0).toBeGreaterThan(3);
      expect(circle!.x).toBeGreaterThanOrEqual(svg.x);
      expect(circle!.y).toBeGreaterThanOrEqual(svg.y);
      expect(circle!.x + circle!.width).toBeLessThanOrEqual(svg.x + svg.width);
      expect(circle!.y + circle!.height).toBeLessThanOrEqual(svg.y + svg.height);
    }
    // Paris, in the northern hemisphere east of Greenwich; Canberra south-east of it.
    const paris = await box(page, '#map-figure circle.place:has(title:text-matches("^Paris"))');
    const canberra = await box(page, '#map-figure circle.place:has(title:text-matches("^Canberra"))');
    expect(paris.y + paris.height / 2).toBeLessThan(svg.y + svg.height * 0.4);
    expect(canberra.x).toBeGreaterThan(paris.x);
    expect(canberra.y).toBeGreaterThan(paris.y);
  });

  it('shows the data behind a figure when asked', async () => {
    expect(await page.locator('#places-table').isVisible()).toBe(false);
    await page.locator('#map summary').click();
    expect(await page.locator('#places-table').isVisible()).toBe(true);
    expect(await page.locator('#places-table tbody tr').count()).toBe(SAMPLE_PLACES.length);
    await page.locator('#map summary').click();
  });

  it('embeds the JSON-LD as the browser reads it', async () => {
    const scripts = page.locator('script[type="application/ld+json"]');
    expect(await scripts.count()).toBe(1);
    expect(JSON.parse((await scripts.textContent()) ?? '')).toEqual(SAMPLE_JSON_LD);
  });

  it('loads nothing from another host and logs no error', () => {
    expect(blocked).toEqual([]);
    expect(requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('saves screenshots', async () => {
    const top = path.join(shots, 'landing-page.png');
    const full = path.join(shots, 'landing-page-full.png');
    await page.screenshot({ path: top, fullPage: false });
    await page.screenshot({ path: full, fullPage: true });
    console.log(`landing page screenshots: ${top} (first screen), ${full} (whole page)`);
  });
});
