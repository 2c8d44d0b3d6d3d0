import { describe, expect, it } from 'vitest';
import { detectLanguage, normaliseLanguageTag } from '../../src/article/index.js';
import { frenchOrEnglish } from '../../src/article/language.js';
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
  ])('detects %s', async (expected, text) => {
    expect(await detectLanguage(text)).toBe(expected);
  });

  it("returns 'und' for text with nothing to go on", async () => {
    expect(await detectLanguage('')).toBe('und');
    expect(await detectLanguage('2022-08-14 12:00 https://example.org/a?b=1')).toBe('und');
  });

  it('is deterministic', async () => {
    const runs = new Set(await Promise.all(Array.from({ length: 5 }, () => detectLanguage(FR + ' ' + EN))));
    expect(runs.size).toBe(1);
  });

  it('looks only at the head of a long article', async () => {
    const long = `${FR}\n\n`.repeat(20) + `${EN}\n\n`.repeat(200);
    expect(await detectLanguage(long)).toBe('fr');
  });
});

// Article-length paragraphs: what the function-word check needs (at least 30 words).
const FR_ARTICLE =
  "Le ministre des Affaires étrangères a reçu mardi à Paris son homologue marocain pour examiner l'état de la coopération bilatérale. Les deux ministres ont signé un accord sur la mobilité des étudiants et ont annoncé la tenue d'une réunion de haut niveau avant la fin de l'année. Selon le Quai d'Orsay, les discussions ont également porté sur la situation au Sahel et sur le rôle de l'Union européenne dans la région.";
const EN_ARTICLE =
  'The foreign minister received his Moroccan counterpart in Paris on Tuesday to review bilateral cooperation. The two ministers signed an agreement on student mobility and announced a high-level meeting before the end of the year. According to the foreign ministry, the talks also covered the situation in the Sahel and the role of the European Union in the region.';
const NEIGHBOURS: [string, string][] = [
  ['es', 'El ministro de Asuntos Exteriores de España se reunió el martes en Madrid con su homólogo de Marruecos para revisar la cooperación bilateral en materia de migración, comercio y energía. Ambos ministros firmaron un memorando de entendimiento sobre la gestión de las fronteras y anunciaron una próxima cumbre de alto nivel. Según fuentes diplomáticas, las conversaciones también abordaron la situación en el Sahel y el papel de la Unión Europea en la región. El ministro español destacó que las relaciones entre los dos países atraviesan su mejor momento y que ambos gobiernos quieren ampliar las inversiones en infraestructuras.'],
  ['ca', "El ministre d'Afers Exteriors es va reunir dimarts a Barcelona amb el seu homòleg francès per revisar la cooperació transfronterera i els projectes d'infraestructures comuns. Tots dos ministres van signar un acord sobre el transport ferroviari i van anunciar una nova trobada a París abans de final d'any. Segons fonts diplomàtiques, les converses també van tractar la situació a la Mediterrània i el paper de la Unió Europea en la gestió de la migració. El ministre va destacar que les relacions entre els dos territoris són excel·lents i que els governs volen ampliar les inversions."],
  ['it', "Il ministro degli Esteri italiano ha incontrato martedì a Roma il suo omologo tunisino per esaminare lo stato della cooperazione bilaterale in materia di migrazione, energia e commercio. I due ministri hanno firmato un memorandum d'intesa sulla gestione dei flussi migratori e hanno annunciato un vertice intergovernativo nei prossimi mesi. Secondo fonti diplomatiche, i colloqui hanno riguardato anche la situazione in Libia e il ruolo dell'Unione europea nel Mediterraneo. Il ministro ha sottolineato che le relazioni tra i due paesi sono eccellenti e che entrambi i governi vogliono aumentare gli investimenti."],
  ['pt', 'O ministro dos Negócios Estrangeiros de Portugal recebeu na terça-feira em Lisboa o seu homólogo angolano para analisar o estado da cooperação bilateral nas áreas da energia, da educação e do comércio. Os dois ministros assinaram um acordo de cooperação cultural e anunciaram uma visita de Estado do presidente angolano no próximo ano. Segundo fontes diplomáticas, as conversações abordaram também a situação na África Austral e o papel da Comunidade dos Países de Língua Portuguesa. O ministro português sublinhou que as relações entre os dois países são excelentes e que os governos querem aumentar os investimentos.'],
  ['ro', 'Ministrul afacerilor externe al României s-a întâlnit marți la București cu omologul său din Republica Moldova pentru a discuta despre cooperarea bilaterală în domeniul energiei, al transporturilor și al integrării europene. Cei doi miniștri au semnat un acord privind interconectarea rețelelor electrice și au anunțat o nouă reuniune comună a guvernelor. Potrivit surselor diplomatice, discuțiile au vizat și situația de securitate din regiunea Mării Negre. Ministrul român a subliniat că relațiile dintre cele două state sunt excelente și că ambele guverne doresc să crească investițiile.'],
  ['de', 'Der deutsche Außenminister hat am Dienstag in Berlin seinen polnischen Amtskollegen empfangen, um über die bilaterale Zusammenarbeit in den Bereichen Energie, Verkehr und Sicherheit zu sprechen. Die beiden Minister unterzeichneten eine Vereinbarung über den Ausbau der grenzüberschreitenden Bahnverbindungen und kündigten gemeinsame Regierungskonsultationen an. Nach Angaben aus diplomatischen Kreisen ging es bei den Gesprächen auch um die Lage in der Ukraine und die Rolle der Europäischen Union. Der Minister betonte, die Beziehungen zwischen beiden Ländern seien so eng wie nie zuvor.'],
  ['nl', 'De Nederlandse minister van Buitenlandse Zaken heeft dinsdag in Den Haag zijn Belgische ambtgenoot ontvangen om te praten over de samenwerking op het gebied van energie, havens en veiligheid. De twee ministers ondertekenden een overeenkomst over de aanleg van een nieuwe elektriciteitsverbinding en kondigden een gezamenlijke regeringstop aan. Volgens diplomatieke bronnen ging het tijdens de gesprekken ook over de situatie in Oekraïne en de rol van de Europese Unie. De minister benadrukte dat de betrekkingen tussen beide landen uitstekend zijn en dat de regeringen meer willen investeren.'],
  ['da', 'Danmarks udenrigsminister mødtes tirsdag i København med sin norske kollega for at drøfte det bilaterale samarbejde om energi, fiskeri og sikkerhed i Arktis. De to ministre underskrev en aftale om fælles forskning i vedvarende energi og annoncerede et nyt møde mellem regeringerne senere på året. Ifølge diplomatiske kilder handlede samtalerne også om situationen i Østersøområdet og om Den Europæiske Unions rolle. Ministeren understregede, at forholdet mellem de to lande er fremragende, og at regeringerne ønsker at øge investeringerne.'],
];

describe('frenchOrEnglish: the check made before eld is asked', () => {
  it('calls an article-length French or English text', () => {
    expect(frenchOrEnglish(FR_ARTICLE)).toBe('fr');
    expect(frenchOrEnglish(EN_ARTICLE)).toBe('en');
  });

  it.each(NEIGHBOURS)('leaves %s to eld', async (language, text) => {
    expect(frenchOrEnglish(text)).toBeUndefined();
    expect(await detectLanguage(text)).toBe(language);
  });

  it('leaves short texts, mixes and lists of names to eld', () => {
    expect(frenchOrEnglish(FR)).toBeUndefined();
    expect(frenchOrEnglish(`${FR_ARTICLE} ${EN_ARTICLE}`)).toBeUndefined();
    expect(frenchOrEnglish('Emmanuel Macron, Olaf Scholz, Giorgia Meloni, Pedro Sánchez, Ursula von der Leyen, Charles Michel, António Guterres, Jens Stoltenberg, Joe Biden, Xi Jinping, Narendra Modi, Cyril Ramaphosa, Luiz Inácio Lula da Silva, Ilham Aliyev')).toBeUndefined();
  });

  it('agrees with eld where it answers', async () => {
    expect(await detectLanguage(FR_ARTICLE)).toBe('fr');
    expect(await detectLanguage(EN_ARTICLE)).toBe('en');
    expect(await detectLanguage(`${FR_ARTICLE}\n\n`.repeat(3) + `${EN_ARTICLE}\n\n`.repeat(30))).toBe('fr');
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
  it('uses the stated language even when the text says otherwise', async () => {
    const a = await readOne('a.json', JSON.stringify({ text: EN, language: 'fr-FR' }));
    expect(a).toMatchObject({ language: 'fr', languageSource: 'metadata' });
  });

  it('detects French, English and Spanish when nothing is stated', async () => {
    expect(await readOne('fr.txt', FR)).toMatchObject({ language: 'fr', languageSource: 'detected' });
    expect(await readOne('en.txt', EN)).toMatchObject({ language: 'en', languageSource: 'detected' });
    expect(await readOne('es.json', JSON.stringify({ text: ES }))).toMatchObject({ language: 'es', languageSource: 'detected' });
  });

  it('detects when the stated tag is not a language', async () => {
    expect(await readOne('a.json', JSON.stringify({ text: ES, lang: 'unknown' }))).toMatchObject({
      language: 'es',
      languageSource: 'detected',
    });
  });
});
