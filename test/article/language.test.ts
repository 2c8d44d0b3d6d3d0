import { describe, expect, it } from 'vitest';
import { detectLanguage, normaliseLanguageTag } from '../../src/article/index.js';
import { readOne } from './support.js';

const FR =
  "Le ministre des Affaires étrangères a reçu mardi son homologue marocain pour examiner l'état de la coopération bilatérale et les moyens de la renforcer.";
const EN =
  'The foreign minister received his Moroccan counterpart on Tuesday to review bilateral cooperation and ways to strengthen it in every field.';
const ES =
  'El ministro de Asuntos Exteriores recibió el martes a su homólogo marroquí para examinar el estado de la cooperación bilateral y las formas de reforzarla.';
const DE =
  'Der Außenminister empfing am Dienstag seinen marokkanischen Amtskollegen, um den Stand der bilateralen Zusammenarbeit und Wege zu ihrer Stärkung zu erörtern.';

describe('detectLanguage', () => {
  it.each([
    ['fr', FR],
    ['en', EN],
    ['es', ES],
    ['de', DE],
  ])('detects %s', (expected, text) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it("returns 'und' for text with nothing to go on", () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('2022-08-14 12:00 https://example.org/a?b=1')).toBe('und');
  });

  it('is deterministic', () => {
    const runs = new Set(Array.from({ length: 5 }, () => detectLanguage(FR + ' ' + EN)));
    expect(runs.size).toBe(1);
  });

  it('looks only at the head of a long article', () => {
    const long = `${FR}\n\n`.repeat(20) + `${EN}\n\n`.repeat(200);
    expect(detectLanguage(long)).toBe('fr');
  });
});

describe('normaliseLanguageTag', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['fr_FR', 'fr'],
    ['EN', 'en'],
    [' es-419 ', 'es'],
    ['fra', 'fr'],
    ['ger', 'de'],
    ['x-default', 'und'],
    ['', 'und'],
    ['english', 'und'],
  ])('%j → %s', (tag, expected) => {
    expect(normaliseLanguageTag(tag)).toBe(expected);
  });
});

describe('article language: metadata first, else detected', () => {
  it('uses the stated language even when the text says otherwise', () => {
    const a = readOne('a.json', JSON.stringify({ text: EN, language: 'fr-FR' }));
    expect(a).toMatchObject({ language: 'fr', languageSource: 'metadata' });
  });

  it('detects French, English and Spanish when nothing is stated', () => {
    expect(readOne('fr.txt', FR)).toMatchObject({ language: 'fr', languageSource: 'detected' });
    expect(readOne('en.txt', EN)).toMatchObject({ language: 'en', languageSource: 'detected' });
    expect(readOne('es.json', JSON.stringify({ text: ES }))).toMatchObject({ language: 'es', languageSource: 'detected' });
  });

  it('detects when the stated tag is not a language', () => {
    expect(readOne('a.json', JSON.stringify({ text: ES, lang: 'unknown' }))).toMatchObject({
      language: 'es',
      languageSource: 'detected',
    });
  });
});
