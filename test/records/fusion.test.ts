import { beforeAll, describe, expect, it } from 'vitest';
import { readObject } from '../../src/article/read-object.js';
import { extractArticle } from '../../src/extract/extractor.js';
import type { FusedEvent } from '../../src/records/fusion.js';
import { EVENT_CERTAINTIES, fuseRecords, sameAgreement, sameEvent } from '../../src/records/fusion.js';
import type { ArticleRecords } from '../../src/records/records.js';
import { buildArticleRecords } from '../../src/records/records.js';
import { ALGERIA, ALGIERS, BERLIN, GENEVA, ORAN, PARIS, agreement, article, event, meeting, visit } from './fixtures.js';

const only = <T>(list: readonly T[]): T => {
  expect(list).toHaveLength(1);
  return list[0] as T;
};

const eventsOf = (...articles: ArticleRecords[]): FusedEvent[] => fuseRecords(articles).events;

describe('fusion: the same visit from several articles', () => {
  const a = article('art-a', { published: '2024-03-11', language: 'fr', events: [visit('ev-a', '2024-03-11', { location: ALGERIA, people: ['Emmanuel Macron'] })] });
  const b = article('art-b', { published: '2024-03-12', events: [visit('ev-b', '2024-03-12', { actor2Name: 'Abdelmadjid Tebboune', people: ['emmanuel macron', 'Jean-Noël Barrot'] })] });
  const c = article('art-c', { published: '2024-03-15', events: [visit('ev-c', '2024-03', { location: undefined })] });

  it('is one row with every source, the most precise date and place', () => {
    const e = only(eventsOf(c, a, b));
    expect(e.sourceCount).toBe(3);
    expect(e.articleIds).toEqual(['art-a', 'art-b', 'art-c']);
    expect(e.sourceKeys).toEqual(['news/art-a.json', 'news/art-b.json', 'news/art-c.json']);
    expect(e.sourceUrls).toEqual(['https://news.example/art-a', 'https://news.example/art-b', 'https://news.example/art-c']);
    // Day beats month; among days, the earliest (the start of the stay).
    expect(e.date).toBe('2024-03-11');
    // A city with coordinates beats the country alone.
    expect(e.location).toEqual(ALGIERS);
    expect(e.actor1Name).toBe('Emmanuel Macron');
    expect(e.actor2Name).toBe('Abdelmadjid Tebboune');
    // Everyone named, case- and accent-insensitive duplicates once.
    expect(e.people).toEqual(['Emmanuel Macron', 'Jean-Noël Barrot']);
    expect(e.language).toBe('fr');
    expect(e.sources.map((s) => s.reportId)).toEqual(['ev-a', 'ev-b', 'ev-c']);
    expect(e.evidence).toEqual(a.events[0]?.evidence);
    expect(e.certainty).toBe('reported');
  });

  it('keeps the id of the report from the earliest-published article', () => {
    expect(only(eventsOf(a, b, c)).id).toBe('ev-a');
    // One source: the id it had before fusion.
    expect(only(eventsOf(b)).id).toBe('ev-b');
    // A later article reporting it again does not move the id.
    expect(only(eventsOf(b, c)).id).toBe('ev-b');
    // An earlier one, found later, does; the same set of sources always gives the same id.
    expect(only(eventsOf(b, c, a)).id).toBe('ev-a');
  });

  it('does not depend on the order of its input', () => {
    expect(fuseRecords([a, b, c])).toEqual(fuseRecords([c, b, a]));
    expect(fuseRecords([a, b, c])).toEqual(fuseRecords([b, a, c]));
  });

  it('merges reports of one stay up to three days apart, not four', () => {
    const d = (date: string, id: string) => article(`art-${id}`, { published: date, events: [visit(id, date)] });
    expect(eventsOf(d('2024-03-11', 'x'), d('2024-03-14', 'y'))).toHaveLength(1);
    expect(eventsOf(d('2024-03-11', 'x'), d('2024-03-15', 'y'))).toHaveLength(2);
    // Across a month and a year boundary.
    expect(eventsOf(d('2023-12-30', 'x'), d('2024-01-02', 'y'))).toHaveLength(1);
    // A year contains them all.
    expect(only(eventsOf(d('2024-03-11', 'x'), d('2024-03-12', 'y'), d('2024', 'z'))).sourceCount).toBe(3);
  });
});

describe('fusion: what must not merge', () => {
  it('two visits a month apart', () => {
    expect(eventsOf(article('art-a', { events: [visit('ev-a', '2022-08-14')] }), article('art-b', { events: [visit('ev-b', '2022-09-14')] }))).toHaveLength(2);
    expect(eventsOf(article('art-a', { events: [visit('ev-a', '2022-08')] }), article('art-b', { events: [visit('ev-b', '2022-09')] }))).toHaveLength(2);
    expect(eventsOf(article('art-a', { events: [visit('ev-a', '2022-08')] }), article('art-b', { events: [visit('ev-b', '2022-09-02')] }))).toHaveLength(2);
  });

  it('the same pair in a meeting and a call', () => {
    const call = event('ev-b', { type: 'call', date: '2024-03-12', actor1Country: 'FRA', actor2Country: 'DZA' });
    expect(eventsOf(article('art-a', { events: [meeting('ev-a', '2024-03-12')] }), article('art-b', { events: [call] }))).toHaveLength(2);
  });

  it('a meeting in Paris and one in Berlin the same month', () => {
    const pair = { participants: ['DEU', 'FRA'], actor1Country: 'FRA', actor2Country: 'DEU' };
    const fused = eventsOf(
      article('art-a', { events: [meeting('ev-a', '2024-05', { ...pair, location: PARIS })] }),
      article('art-b', { events: [meeting('ev-b', '2024-05', { ...pair, location: BERLIN })] }),
    );
    expect(fused).toHaveLength(2);
  });

  it('a visit and the return visit', () => {
    const back = visit('ev-b', '2024-03-12', { actor1Country: 'DZA', actor2Country: 'FRA', location: PARIS });
    expect(eventsOf(article('art-a', { events: [visit('ev-a', '2024-03-12')] }), article('art-b', { events: [back] }))).toHaveLength(2);
  });

  it('meetings with different participants', () => {
    const other = meeting('ev-b', '2024-03-12', { participants: ['DZA', 'ITA'], actor1Country: 'ITA' });
    expect(eventsOf(article('art-a', { events: [meeting('ev-a', '2024-03-12')] }), article('art-b', { events: [other] }))).toHaveLength(2);
  });

  it('meetings two days apart, and a chain of meetings a day apart stays pairwise', () => {
    const m = (id: string, date: string) => article(`art-${id}`, { events: [meeting(id, date)] });
    expect(eventsOf(m('a', '2024-03-12'), m('b', '2024-03-13'))).toHaveLength(1);
    expect(eventsOf(m('a', '2024-03-12'), m('b', '2024-03-14'))).toHaveLength(2);
    const chain = eventsOf(m('a', '2024-03-12'), m('b', '2024-03-13'), m('c', '2024-03-14'));
    expect(chain.map((e) => e.sourceCount).sort()).toEqual([1, 2]);
  });

  it('two reports of one article', () => {
    const one = article('art-a', { events: [meeting('ev-a1', '2024-03-12'), meeting('ev-a2', '2024-03-12', { location: ORAN })] });
    const fused = eventsOf(one, article('art-b', { events: [meeting('ev-b', '2024-03-12', { location: ALGIERS })] }));
    expect(fused).toHaveLength(2);
    expect(fused.find((e) => e.sourceCount === 2)?.sources.map((s) => s.reportId)).toEqual(['ev-a1', 'ev-b']);
  });

  it('an undated report', () => {
    expect(eventsOf(article('art-a', { events: [visit('ev-a', undefined)] }), article('art-b', { events: [visit('ev-b', '2024-03-12')] }))).toHaveLength(2);
    expect(eventsOf(article('art-a', { events: [visit('ev-a', undefined)] }), article('art-b', { events: [visit('ev-b', undefined)] }))).toHaveLength(2);
  });

  it('a month that fits two visits: ambiguous, so a row of its own', () => {
    const fused = eventsOf(
      article('art-a', { events: [visit('ev-a', '2022-08-02')] }),
      article('art-b', { events: [visit('ev-b', '2022-08-28')] }),
      article('art-c', { events: [visit('ev-c', '2022-08')] }),
    );
    expect(fused).toHaveLength(3);
    // With one visit that month, it joins it.
    expect(eventsOf(article('art-a', { events: [visit('ev-a', '2022-08-02')] }), article('art-c', { events: [visit('ev-c', '2022-08')] }))).toHaveLength(1);
  });

  it('states the pairwise rule as a predicate', () => {
    expect(sameEvent(visit('x', '2024-03-11'), visit('y', '2024-03'))).toBe(true);
    expect(sameEvent(visit('x', '2024-03-11'), visit('y', '2024-04'))).toBe(false);
    expect(sameEvent(meeting('x', '2024-03-11', { location: PARIS }), meeting('y', '2024-03-11', { location: ALGIERS }))).toBe(false);
    expect(sameEvent(meeting('x', '2024-03-11', { location: ALGERIA }), meeting('y', '2024-03-11', { location: ORAN }))).toBe(true);
  });
});

describe('fusion: derived fields', () => {
  it('recomputes the CAMEO code for the fused place', () => {
    const fused = only(
      eventsOf(
        article('art-a', { events: [meeting('ev-a', '2024-03-12', { location: undefined, cameoCode: '040' })] }),
        article('art-b', { events: [meeting('ev-b', '2024-03-12', { location: GENEVA, cameoCode: '044' })] }),
      ),
    );
    expect(fused.cameoCode).toBe('044');
    // GeoNames id completed from the gazetteer.
    expect(fused.location?.geonamesId).toBe(2660646);
    expect(fused.crosswalk).toMatchObject({ ploverEventType: 'CONSULT', ploverMode: 'third-party', goldsteinScale: 2.5, locationCountryWikidata: 'Q39', locationGeonamesId: 2660646 });
  });

  it('carries crosswalks on every event', () => {
    const e = only(eventsOf(article('art-a', { events: [visit('ev-a', '2024-03-12')] })));
    expect(e.crosswalk).toEqual({
      ploverEventType: 'CONSULT',
      ploverMode: 'visit',
      goldsteinScale: 1.9,
      participantsWikidata: ['Q262', 'Q142'],
      actor1Wikidata: 'Q142',
      actor2Wikidata: 'Q262',
      locationCountryWikidata: 'Q262',
      locationGeonamesId: 2507480,
    });
    expect(EVENT_CERTAINTIES).toEqual(['reported']);
  });

  it('links sub-events to the fused visit, also through an article that reports only the meeting', () => {
    const a = article('art-a', { published: '2024-03-12', events: [visit('ev-va', '2024-03-11'), meeting('ev-ma', '2024-03-12')] });
    const b = article('art-b', { published: '2024-03-13', events: [meeting('ev-mb', '2024-03-12')] });
    const c = article('art-c', { published: '2024-03-10', events: [visit('ev-vc', '2024-03-11')] });
    const fused = eventsOf(a, b, c);
    const v = fused.find((e) => e.type === 'visit');
    const m = fused.find((e) => e.type === 'meeting');
    expect(v?.id).toBe('ev-vc');
    expect(m?.parentEventId).toBe('ev-vc');
    expect(v?.parentEventId).toBeUndefined();
  });
});

describe('fusion: agreements', () => {
  const signing = (id: string) => event(id, { type: 'signing', date: '2024-03-12', location: ALGIERS });

  it('merges the same agreement whatever its title, with the furthest status and every signatory', () => {
    const a = article('art-a', {
      published: '2024-03-12',
      language: 'fr',
      events: [signing('ev-sa')],
      agreements: [agreement('ag-a', { title: 'accord de coopération énergétique', status: 'announced', signingEventId: 'ev-sa', signatories: ['Ahmed Attaf'] })],
    });
    const b = article('art-b', {
      published: '2024-03-13',
      events: [signing('ev-sb')],
      agreements: [agreement('ag-b', { signingEventId: 'ev-sb', signatories: ['Ahmed Attaf', 'Stéphane Séjourné'], place: ALGERIA, dateSigned: '2024-03' })],
    });
    const fused = fuseRecords([a, b]);
    const g = only(fused.agreements);
    expect(g.id).toBe('ag-a');
    expect(g.title).toBe('accord de coopération énergétique');
    expect(g.status).toBe('signed');
    expect(g.signatories).toEqual(['Ahmed Attaf', 'Stéphane Séjourné']);
    expect(g.dateSigned).toBe('2024-03-12');
    expect(g.place).toEqual(ALGIERS);
    expect(g.sourceCount).toBe(2);
    expect(g.signingEventId).toBe(only(fused.events).id);
    expect(g.crosswalk).toEqual({ partiesWikidata: ['Q262', 'Q142'], placeCountryWikidata: 'Q262', placeGeonamesId: 2507480 });
  });

  it('does not merge different topics, parties or occasions', () => {
    const one = (id: string, fields: Parameters<typeof agreement>[1]) => article(`art-${id}`, { agreements: [agreement(id, fields)] });
    expect(fuseRecords([one('a', {}), one('b', { topic: 'trade', title: 'trade agreement' })]).agreements).toHaveLength(2);
    expect(fuseRecords([one('a', {}), one('b', { parties: ['DZA', 'ITA'] })]).agreements).toHaveLength(2);
    expect(fuseRecords([one('a', {}), one('b', { dateSigned: '2024-04-20' })]).agreements).toHaveLength(2);
    expect(fuseRecords([one('a', {}), one('b', { place: PARIS })]).agreements).toHaveLength(2);
    expect(fuseRecords([one('a', {}), one('b', { dateSigned: undefined })]).agreements).toHaveLength(2);
    expect(sameAgreement(agreement('x', { title: 'energy accord' }), agreement('y', { dateSigned: '2024-03', place: ALGERIA }))).toBe(true);
    expect(sameAgreement(agreement('x'), agreement('y', { topic: 'trade' }))).toBe(false);
  });

  it('merges counted agreements by count: seven and "seven, one on trade and one on visas" are seven', () => {
    const unspecified = (id: string) => agreement(id, { title: 'unspecified', topic: 'unspecified' });
    const a = article('art-a', { published: '2024-03-12', agreements: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'].map(unspecified) });
    const b = article('art-b', {
      published: '2024-03-13',
      agreements: [
        agreement('b-trade', { topic: 'trade', title: 'trade agreement' }),
        agreement('b-visa', { topic: 'visa', title: 'visa waiver' }),
        ...['b1', 'b2', 'b3', 'b4', 'b5'].map(unspecified),
      ],
    });
    const fused = fuseRecords([a, b]).agreements;
    expect(fused).toHaveLength(7);
    expect(fused.every((g) => g.sourceCount === 2)).toBe(true);
    expect(fused.map((g) => g.topic).sort()).toEqual(['trade', 'unspecified', 'unspecified', 'unspecified', 'unspecified', 'unspecified', 'visa']);
    // A row with a topic keeps its own report's id and title, even though art-a was published first.
    expect(fused.find((g) => g.topic === 'trade')?.id).toBe('b-trade');
    // Three from one article, five from another: five.
    const c = article('art-c', { agreements: ['c1', 'c2', 'c3'].map(unspecified) });
    const d = article('art-d', { agreements: ['d1', 'd2', 'd3', 'd4', 'd5'].map(unspecified) });
    expect(fuseRecords([c, d]).agreements).toHaveLength(5);
  });

  it('keeps a counted agreement apart when it fits two occasions', () => {
    const a = article('art-a', { agreements: [agreement('ag-a', { dateSigned: '2024-03-02' })] });
    const b = article('art-b', { agreements: [agreement('ag-b', { dateSigned: '2024-03-28', topic: 'trade', title: 'trade agreement' })] });
    const c = article('art-c', { agreements: [agreement('ag-c', { dateSigned: '2024-03', topic: 'unspecified', title: 'unspecified' })] });
    expect(fuseRecords([a, b, c]).agreements).toHaveLength(3);
  });
});

describe('acceptance: three articles reporting one visit publish one event with three sources', () => {
  const articles = [
    {
      key: 'wire/2024-03-12-macron-algiers.json',
      body: {
        url: 'https://wire.example/macron-algiers',
        published: '2024-03-12',
        language: 'en',
        text: 'French President Emmanuel Macron arrived in Algiers on Monday for a two-day state visit to Algeria. Macron met his Algerian counterpart Abdelmadjid Tebboune on Tuesday. The two presidents held a joint press conference after the talks.',
      },
    },
    {
      key: 'presse/2024-03-12-visite.json',
      body: {
        url: 'https://presse.example/visite-macron',
        published: '2024-03-12',
        language: 'fr',
        text: "Le président français Emmanuel Macron est arrivé lundi 11 mars à Alger pour une visite d'Etat en Algérie. Il s'est entretenu avec le président Abdelmadjid Tebboune.",
      },
    },
    {
      key: 'weekly/2024-03-15-review.json',
      body: {
        url: 'https://weekly.example/review',
        published: '2024-03-15',
        language: 'en',
        text: 'Emmanuel Macron visited Algeria this week, his first trip to the country since 2022. In Algiers, the French leader and President Abdelmadjid Tebboune signed an agreement on energy cooperation.',
      },
    },
  ];

  let records: ArticleRecords[] = [];
  beforeAll(async () => {
    const read = await Promise.all(articles.map(({ key, body }) => readObject(key, new TextEncoder().encode(JSON.stringify(body)))));
    records = read.flatMap((r) => r.articles.map((a) => buildArticleRecords(a, extractArticle(a))));
  });

  it('reads a visit in every article', () => {
    expect(records).toHaveLength(3);
    for (const r of records) expect(r.events.filter((e) => e.type === 'visit'), r.sourceKeys[0]).toHaveLength(1);
  });

  it('fuses them into one visit, France to Algeria, with three sources', () => {
    const fused = fuseRecords(records);
    const v = only(fused.events.filter((e) => e.type === 'visit'));
    expect(v.sourceCount).toBe(3);
    expect(v.sourceKeys).toEqual(articles.map((a) => a.key).sort());
    expect([...v.sourceUrls].sort()).toEqual(articles.map((a) => a.body.url).sort());
    expect(v).toMatchObject({ actor1Country: 'FRA', actor2Country: 'DZA', date: '2024-03-11' });
    expect(v.location).toMatchObject({ city: 'Algiers', country: 'DZA', geonamesId: 2507480 });
    expect(v.crosswalk).toMatchObject({ ploverEventType: 'CONSULT', ploverMode: 'visit', goldsteinScale: 1.9 });
    // The talks, told by two articles in two languages, are one meeting held during the visit.
    const talks = only(fused.events.filter((e) => e.type === 'meeting'));
    expect(talks.sourceCount).toBe(2);
    expect(talks.parentEventId).toBe(v.id);
    for (const e of fused.events.filter((x) => x.type !== 'visit')) expect(e.parentEventId, e.type).toBe(v.id);
  });
});
