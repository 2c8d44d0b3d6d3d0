import { describe, expect, it } from 'vitest';
import { readOne, sampleBytes } from './support.js';

describe('plain text (.txt without a header)', () => {
  it('reads the whole file as the body, with no publication date', async () => {
    const a = await readOne('notes/a.TXT', 'The two presidents met in Nairobi.\n\nThey signed a trade agreement.');
    expect(a.format).toBe('plain-text');
    expect(a.published).toBeUndefined();
    expect(a.title).toBeUndefined();
    expect(a.index).toBe(0);
    expect(a.text).toBe('The two presidents met in Nairobi.\n\nThey signed a trade agreement.');
  });

  it('does not take prose starting with the word "date" for a header', async () => {
    const a = await readOne('a.txt', 'Date limite : les deux pays doivent conclure avant juin.');
    expect(a.format).toBe('plain-text');
    expect(a.text).toBe('Date limite : les deux pays doivent conclure avant juin.');
  });

  it('does not look for the header after the first word', async () => {
    const a = await readOne('a.txt', 'Published date 2022-08-14: the ministers met.');
    expect(a.format).toBe('plain-text');
    expect(a.published).toBeUndefined();
  });

  it('reads the French sample as plain text and detects French', async () => {
    const a = await readOne('samples/note-fr.txt', sampleBytes('note-fr.txt'));
    expect(a.format).toBe('plain-text');
    expect(a.language).toBe('fr');
    expect(a.languageSource).toBe('detected');
    expect(a.text).toContain("s'est entretenu mardi par téléphone");
    expect(a.text.split('\n\n')).toHaveLength(3);
  });
});
