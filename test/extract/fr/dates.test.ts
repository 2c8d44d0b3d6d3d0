import { describe, expect, it } from 'vitest';
import { ev, eventsOfType, expectEvents, extractFrom, summarise } from '../../helpers/extract.js';

const CALL = "La ministre grecque des Affaires étrangères, Eleni Papadaki, s'est entretenue{WHEN} par téléphone avec son homologue chypriote, Andreas Christodoulou.";
const call = (when: string): string => CALL.replace('{WHEN}', when ? ` ${when}` : '');
const callDate = (when: string, published: string): string | undefined => eventsOfType('fr', call(when), published, 'call')[0]?.date;

describe('fr — dates', () => {
  it('"hier" with a day-precision publication date is the day before', () => {
    expect(callDate('hier', '2024-03-01')).toBe('2024-02-29');
  });

  it('"hier" with a month-only publication date stays the month', () => {
    expect(callDate('hier', '2024-03')).toBe('2024-03');
  });

  it('"hier" with a year-only publication date stays the year', () => {
    expect(callDate('hier', '2024')).toBe('2024');
  });

  it('a weekday is its most recent occurrence on or before the publication date', () => {
    // 2025-09-18 is a Thursday.
    expect(callDate('lundi', '2025-09-18')).toBe('2025-09-15');
    expect(callDate('jeudi', '2025-09-18')).toBe('2025-09-18');
    expect(callDate('vendredi', '2025-09-18')).toBe('2025-09-12');
  });

  it('a weekday with a month-only publication date gives the month, not an invented day', () => {
    expect(callDate('mardi', '2025-09')).toBe('2025-09');
  });

  it('"la semaine dernière" gives a month, never a day', () => {
    // 2025-09-03 minus seven days is in August.
    expect(callDate('la semaine dernière', '2025-09-03')).toBe('2025-08');
  });

  it('an explicit date is kept at day precision even with a month-only publication date', () => {
    expect(callDate('le 12 septembre', '2025-09')).toBe('2025-09-12');
  });

  it('a range keeps its start date', () => {
    expectEvents(
      'fr',
      "Le président équatorien, Andrés Cordero Vélez, a effectué du 4 au 6 juillet une visite d'État au Pérou.",
      '2023-07-12',
      [ev({ type: 'visit', participants: 'ECU;PER', actor: 'ECU', host: 'PER', date: '2023-07-04', country: 'PER', people: ['Andrés Cordero Vélez'] })],
    );
  });

  it('a date stated once carries over to the events told after it', () => {
    // 2025-06-05 is a Thursday: "mardi" is 2025-06-03.
    const events = summarise(
      extractFrom(
        'fr',
        "Le ministre polonais des Affaires étrangères, Tomasz Wieczorek, est arrivé mardi à Copenhague. " +
          "Il a été reçu par la Première ministre danoise, Mette Lindqvist Holm. " +
          'Les deux responsables ont ensuite tenu une conférence de presse.',
        '2025-06-05',
      ),
    ).events;
    expect(events.map((e) => `${e.type} ${e.date}`).sort()).toEqual(['meeting 2025-06-03', 'press_conference 2025-06-03', 'visit 2025-06-03']);
  });
});
