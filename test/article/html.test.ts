import { describe, expect, it } from 'vitest';
import { read, readOne, sampleBytes } from './support.js';

const PARAGRAPHS = [
  'The foreign ministers of Chile and India met in New Delhi on Tuesday for the tenth session of their joint commission, which had not met since the pandemic.',
  'They reviewed trade in copper and pharmaceuticals, cooperation in space research and the opening of a direct shipping line between Valparaíso and Mumbai.',
  'At a joint press conference, both ministers said they hoped to conclude negotiations on a comprehensive economic partnership agreement within the year.',
];

function page(head: string, attrs = ''): string {
  return `<!doctype html><html${attrs}><head>${head}</head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe now</a></nav>
    <article><h1>Chile and India revive their joint commission</h1>
    ${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
    </article>
    <footer><p>Copyright 2024 Example News. All rights reserved.</p></footer>
  </body></html>`;
}

describe('HTML (.html, .htm)', () => {
  it('reads a fragment whose comment mentions <html> as a fragment', async () => {
    for (const comment of ['<!--<html>-->', '<!-- <html lang="fr"> -->']) {
      const a = await readOne('fragment.html', `${comment}${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}`);
      expect(a.text, comment).toContain(PARAGRAPHS[0]);
    }
  });

  it('reads the main text as paragraphs, without navigation or footer', async () => {
    // Readability drops the <h1> because it repeats the page title; the title is in Article.title.
    const a = await readOne('page.html', page('<title>Chile and India revive their joint commission | Example News</title>'));
    expect(a.title).toBe('Chile and India revive their joint commission | Example News');
    expect(a.format).toBe('html');
    expect(a.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(a.text).not.toContain('Subscribe');
    expect(a.text).not.toContain('All rights reserved');
  });

  it('takes the title from og:title, then JSON-LD headline, then <title>', async () => {
    const og = '<meta property="og:title" content="OG title">';
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD headline"}</script>';
    const title = '<title>Title element</title>';
    expect((await readOne('a.html', page(og + ld + title))).title).toBe('OG title');
    expect((await readOne('a.html', page(ld + title))).title).toBe('LD headline');
    expect((await readOne('a.html', page(title))).title).toBe('Title element');
  });

  it.each([
    ['<meta property="article:published_time" content="2024-04-09T22:30:00-05:00">', { year: 2024, month: 4, day: 9 }],
    ['<meta itemprop="datePublished" content="2024-04-09">', { year: 2024, month: 4, day: 9 }],
    [
      '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-04-09T08:00:00Z"}]}</script>',
      { year: 2024, month: 4, day: 9 },
    ],
    ['<meta name="date" content="Tue, 09 Apr 2024 10:00:00 GMT">', { year: 2024, month: 4, day: 9 }],
  ])('reads the publication date from %s', async (head, expected) => {
    expect((await readOne('a.html', page(head))).published).toEqual(expected);
  });

  it('reads the date from <time datetime> in the body when the head has none', async () => {
    const html = page('').replace('<article>', '<article><time datetime="2024-04">April 2024</time>');
    expect((await readOne('a.html', html)).published).toEqual({ year: 2024, month: 4 });
  });

  it('prefers article:published_time over a <time> in the body', async () => {
    const html = page('<meta property="article:published_time" content="2024-04-09">').replace(
      '<article>',
      '<article><time datetime="2020-01-01">old</time>',
    );
    expect((await readOne('a.html', html)).published).toEqual({ year: 2024, month: 4, day: 9 });
  });

  it('reads the canonical URL, falling back to og:url', async () => {
    expect((await readOne('a.html', page('<link rel="canonical" href="https://example.org/a">'))).url).toBe('https://example.org/a');
    expect((await readOne('a.html', page('<meta property="og:url" content="https://example.org/og">'))).url).toBe('https://example.org/og');
    // A relative canonical is resolved against og:url rather than dropped.
    expect(
      (await readOne('a.html', page('<link rel="canonical" href="/b"><meta property="og:url" content="https://example.org/og">'))).url,
    ).toBe('https://example.org/b');
  });

  it('reads the language from <html lang>, og:locale, content-language or JSON-LD inLanguage', async () => {
    expect(await readOne('a.html', page('', ' lang="es-ES"'))).toMatchObject({ language: 'es', languageSource: 'metadata' });
    expect((await readOne('a.html', page('<meta property="og:locale" content="de_DE">'))).language).toBe('de');
    expect((await readOne('a.html', page('<meta http-equiv="content-language" content="it">'))).language).toBe('it');
    expect(
      (await readOne('a.html', page('<script type="application/ld+json">{"@type":"NewsArticle","inLanguage":"pt-BR"}</script>'))).language,
    ).toBe('pt');
    expect(await readOne('a.html', page(''))).toMatchObject({ language: 'en', languageSource: 'detected' });
  });

  it('keeps <br> as a line break inside a paragraph', async () => {
    const a = await readOne('a.htm', '<html><body><p>Joint statement<br>Issued in Nairobi</p><p>Second paragraph.</p></body></html>');
    expect(a.text).toBe('Joint statement\nIssued in Nairobi\n\nSecond paragraph.');
  });

  it('reads a bare fragment (no <html>) by falling back to the body text', async () => {
    const a = await readOne('a.html', '<p>Short note: the ministers met.</p><p>They talked.</p>');
    expect(a.text).toBe('Short note: the ministers met.\n\nThey talked.');
  });

  it('rejects a page with no text as empty', async () => {
    const r = await read('a.html', '<html><head><title>Nothing</title></head><body> <script>var x = 1;</script> <div>\u00A0</div> </body></html>');
    expect(r.rejections).toEqual([expect.objectContaining({ reason: 'empty', message: 'the page has no readable text' })]);
  });

  it('reads the saved French page: metadata and main text without boilerplate', async () => {
    const a = await readOne('samples/signing-fr.html', sampleBytes('signing-fr.html'));
    expect(a).toMatchObject({
      format: 'html',
      title: "Le Bénin et l'Allemagne signent trois accords de coopération",
      published: { year: 2024, month: 2, day: 15 },
      url: 'https://example.org/politique/2024/02/benin-allemagne-accords',
      language: 'fr',
      languageSource: 'metadata',
    });
    const paragraphs = a.text.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^Le ministre béninois des Affaires étrangères/);
    expect(a.text).toContain('des relations "excellentes et tournées vers l\'avenir"');
    expect(a.text).toContain('45 millions');
    for (const boilerplate of ['Accueil', 'Abonnez-vous', 'cookies', 'À lire aussi', 'Tous droits réservés', 'Partager']) {
      expect(a.text).not.toContain(boilerplate);
    }
  });
});
