import { describe, expect, it } from 'vitest';
import { expectMentions, expectNone, mentions } from './helpers.js';

// 2025-04-30 is a Wednesday.
const WED = '2025-04-30';

describe('findDateMentions (en) — weekdays', () => {
  it('places a bare weekday on or before the reference day', () => {
    expectMentions('The envoy arrived in Accra on Tuesday for consultations.', 'en', WED, [
      { text: 'Tuesday', date: '2025-04-29', kind: 'relative', explicitYear: false },
    ]);
    expectMentions('Both foreign ministers spoke to reporters Wednesday evening.', 'en', WED, [['Wednesday evening', '2025-04-30']]);
    expectMentions('On Thursday the delegation flew home.', 'en', '2025-05-01', [['Thursday', '2025-05-01']]);
    expectMentions('On Monday the delegation flew home.', 'en', '2025-05-01', [['Monday', '2025-04-28']]);
  });

  it('keeps month or year precision when the reference has no day', () => {
    expectMentions('The president received the credentials on Friday.', 'en', '2020-10', [['Friday', '2020-10']]);
    expectMentions('The president received the credentials on Friday.', 'en', '2020', [['Friday', '2020']]);
  });

  it('last / next / this / last week', () => {
    expectMentions('The embassy reopened last Tuesday.', 'en', WED, [['last Tuesday', '2025-04-29']]);
    expectMentions('The embassy reopened last Wednesday.', 'en', WED, [['last Wednesday', '2025-04-23']]);
    expectMentions('The talks resume next Friday.', 'en', WED, [['next Friday', '2025-05-02']]);
    expectMentions('This Wednesday the envoys met again.', 'en', WED, [['This Wednesday', '2025-04-30']]);
    expectMentions('The memorandum was initialled Tuesday last week.', 'en', WED, [['Tuesday last week', '2025-04-22']]);
  });

  it('skips feasts and lowercase words', () => {
    expectNone('Good Friday processions went ahead peacefully.', 'en', WED);
    expectNone('Super Tuesday results were discussed abroad.', 'en', WED);
    expectNone('Markets close on Sundays.', 'en', WED);
  });
});

describe('findDateMentions (en) — yesterday, today, last week/month/year', () => {
  it('yesterday and the day before yesterday', () => {
    expectMentions('Yesterday, the Security Council extended the mission.', 'en', '2025-03-01', [['Yesterday', '2025-02-28']]);
    expectMentions('The ministers met the day before yesterday.', 'en', '2025-01-01', [['the day before yesterday', '2024-12-30']]);
    expectMentions('Yesterday, the Security Council extended the mission.', 'en', '2022-08', [['Yesterday', '2022-08']]);
  });

  it('today and tonight', () => {
    expectMentions('Today the summit opens; tonight the leaders dine together.', 'en', '2025-06-10', [
      ['Today', '2025-06-10'],
      ['tonight', '2025-06-10'],
    ]);
  });

  it('last week is a month, never a day', () => {
    expectMentions('Last week, Nairobi recalled its ambassador.', 'en', '2025-03-03', [['Last week', '2025-02']]);
    expectMentions('Last week, Nairobi recalled its ambassador.', 'en', '2025-03-20', [['Last week', '2025-03']]);
    expectMentions('Last week, Nairobi recalled its ambassador.', 'en', '2025-03', [['Last week', '2025-03']]);
    expectMentions('This week, the negotiators reconvened.', 'en', '2025-03-20', [['This week', '2025-03']]);
  });

  it('last month, earlier this month, last year', () => {
    expectMentions('Last month, the two governments resumed flights.', 'en', '2025-01-15', [['Last month', '2024-12']]);
    expectMentions('The accord was ratified earlier this month.', 'en', '2025-01-15', [['earlier this month', '2025-01']]);
    expectMentions('Bilateral trade doubled last year.', 'en', '2025-01-15', [
      { text: 'last year', date: '2024', kind: 'relative', explicitYear: false },
    ]);
    expectNone('Last month, the two governments resumed flights.', 'en', '2025');
  });
});

describe('findDateMentions (en) — months without a year', () => {
  it('last November / last December', () => {
    expectMentions('Relations have been tense since last November.', 'en', '2025-04-30', [
      { text: 'last November', date: '2024-11', kind: 'relative', explicitYear: false },
    ]);
    expectMentions('Relations have been tense since last December.', 'en', '2024', [['last December', '2023-12']]);
    expectMentions('The ceasefire collapsed in November last year.', 'en', '2025-04-30', [['November last year', '2024-11']]);
  });

  it('a bare month after a marker stays in the reference year', () => {
    expectMentions('The joint commission will meet in August.', 'en', '2025-04-15', [
      { text: 'August', date: '2025-08', kind: 'relative', explicitYear: false },
    ]);
  });

  it('a month name without a marker, or lowercase, is not a date', () => {
    expectNone('They may march on the capital.', 'en');
    expectNone('The March agreement was a turning point.', 'en');
  });
});

describe('findDateMentions (en) — day and month without a year', () => {
  it('most recent past 12 March', () => {
    expectMentions('On 12 March, the minister received his counterpart.', 'en', '2024-03-05', [
      { text: '12 March', date: '2023-03-12', kind: 'relative' },
    ]);
    expectMentions('On March 12, the minister received his counterpart.', 'en', '2024-03-12', [['March 12', '2024-03-12']]);
    expectMentions('The treaty signed on December 20 enters into force.', 'en', '2024-01-12', [['December 20', '2023-12-20']]);
    expectMentions('The treaty signed on Jan. 5 enters into force.', 'en', '2025-09-01', [['Jan. 5', '2025-01-05']]);
  });

  it('December 20 last year', () => {
    expectMentions('The protocol signed December 20 last year is disputed.', 'en', '2025-05-02', [['December 20 last year', '2024-12-20']]);
  });
});

describe('findDateMentions (en) — ranges', () => {
  it.each([
    ['The conference was held from 13 to 15 April in Geneva.', '13 to 15 April'],
    ['The conference was held April 13-15 in Geneva.', 'April 13-15'],
    ['The conference was held between 13 and 15 April in Geneva.', '13 and 15 April'],
  ])('%s', (text, span) => {
    expectMentions(text, 'en', '2025-05-02', [{ text: span, date: '2025-04-13', isRangeStart: true }]);
  });

  it('two separate dates are not a range', () => {
    const found = mentions('Talks were held on June 30 and July 1.', 'en', '2025-08-01');
    expect(found.map((m) => [m.text, m.isRangeStart])).toEqual([
      ['June 30', undefined],
      ['July 1', undefined],
    ]);
  });
});

describe('findDateMentions (en) — absolute dates', () => {
  it('keeps the stated precision', () => {
    expectMentions('The accord of March 8, 2023 was revised in July 2023.', 'en', '2025-05-02', [
      { text: 'March 8, 2023', date: '2023-03-08', kind: 'absolute', explicitYear: true },
      { text: 'July 2023', date: '2023-07', kind: 'absolute', explicitYear: true },
    ]);
    expectMentions('The border has been closed since 2008 and was briefly reopened in 2016.', 'en', '2025-05-02', [
      ['2008', '2008'],
      ['2016', '2016'],
    ]);
    expectMentions('The 8th of March 2023 meeting was cancelled.', 'en', undefined, [['8th of March 2023', '2023-03-08']]);
  });

  it('all-numeric dates: ambiguous day/month keeps only the year', () => {
    expectMentions('The note dated 08/03/2023 was leaked.', 'en', '2025-05-02', [['08/03/2023', '2023']]);
    expectMentions('The note dated 13/03/2023 was leaked.', 'en', '2025-05-02', [['13/03/2023', '2023-03-13']]);
    expectMentions('The note dated 2023-03-08 was leaked.', 'en', '2025-05-02', [['2023-03-08', '2023-03-08']]);
  });

  it('drops relative expressions when there is no reference', () => {
    expectMentions('Yesterday, on Tuesday, on 12 March, in August and in 2021.', 'en', undefined, [['2021', '2021']]);
  });
});

describe('findDateMentions (en) — not dates', () => {
  it.each([
    'The president is on a two-day visit to Benin.',
    'The talks went on for two days.',
    'The rebels have forty-eight hours to withdraw.',
    'The World Bank approved $6.5 billion in loans.',
    'Observers may stay up to 90 days.',
    'The country marked the 65th anniversary of its independence.',
    'The African Union presented Agenda 2063 to its partners.',
    'The 2023-24 budget was adopted.',
    'The plan runs in 2023-24.',
    'The 2018-2019 action plan was never implemented.',
    'Resolution 2231 remains in force.',
    'Since August 2,000 refugees have crossed the border.',
    'Relations soured in the 1990s.',
    'The consulate opens every Monday.',
  ])('%s', (text) => expectNone(text, 'en'));
});
