import type * as HtmlDom from './html-dom.js';
import type { PartialDate } from '../../dates/partial-date.js';
import type { FormatReadResult } from '../draft.js';
import { EmptyArticleError, ReaderModuleError } from '../errors.js';
import { normaliseLanguageTag } from '../language.js';
import { parseLoosePublished } from '../published-date.js';

// The project compiles without the DOM lib (it is a Node codebase), so linkedom and
// readability come back untyped; these are the few members this reader relies on.
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
interface ReadabilityResult {
  readonly title?: string | null;
  readonly content?: DomElement | null;
  readonly publishedTime?: string | null;
}

type DomStack = typeof HtmlDom;

let domStack: DomStack | undefined;
let loading: Promise<void> | undefined;

const WHAT = 'the HTML reader (linkedom, Readability)';

/**
 * Imports linkedom and Readability (html-dom.ts) once: a cold start and every text, JSON or
 * JSON Lines object go without them. Await it before readHtml. Its failure (the module
 * missing from a deployment) is ours, not the page's: it rejects with ReaderModuleError,
 * which readObject lets through rather than reject the page, and is not kept, so the next
 * page tries again.
 */
export function loadHtmlReader(): Promise<void> {
  loading ??= import('./html-dom.js').then(
    (stack) => {
      domStack = stack;
    },
    (error: unknown) => {
      loading = undefined;
      throw new ReaderModuleError(WHAT, error);
    },
  );
  return loading;
}

function loadedDomStack(): DomStack {
  if (domStack === undefined) throw new ReaderModuleError(WHAT, new Error('readHtml was called before loadHtmlReader() was done'));
  return domStack;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

// Elements that start a new paragraph of the extracted text.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tr', 'ul',
]);
// Never prose, whatever readability keeps.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'head']);
// Dropped from the page before the no-readability fallback, which has no scoring to do it.
const BOILERPLATE = 'script, style, noscript, template, svg, iframe, nav, header, footer, aside, form';

const ARTICLE_TYPES = /article|posting|report/i;

// Readability's cost grows with nesting depth much faster than with size: 1,000 nested
// <div>s take ~7 s, 2,000 ~40 s, and 150,000 shallow <div>s ~6 s. Real article pages stay far
// below both limits (Lighthouse already warns past depth 32); past them the page is read
// with the boilerplate-stripping fallback instead, which is linear.
const MAX_READABILITY_DEPTH = 100;
const MAX_READABILITY_ELEMENTS = 50_000;

/**
 * Reads a saved web page: main text via readability (paragraphs kept as blank lines),
 * title, publication date (cut to the day, precision kept when a date is partial),
 * canonical URL and language from the page's metadata. Needs loadHtmlReader() done.
 */
export function readHtml(sourceKey: string, html: string): FormatReadResult {
  const { parseHTML, Readability } = loadedDomStack();
  const document = parse(parseHTML, html);
  // Metadata first: readability rewrites the document it is given.
  const jsonLd = jsonLdNodes(document);
  const title = firstTitle(document, jsonLd);
  const published = firstPublished(document, jsonLd);
  const url = canonicalUrl(document);
  const language = pageLanguage(document, jsonLd);

  let article: ReadabilityResult | null = null;
  if (readabilityCanCope(document)) {
    try {
      article = new Readability<DomElement>(document as never, { serializer: (node) => node as DomElement }).parse();
    } catch {
      // A page readability chokes on still has a body; the fallback below reads it.
      article = null;
    }
  }
  let text = article?.content ? blockText(article.content) : '';
  if (text.trim() === '') text = fallbackText(parseHTML, html);
  if (text.trim() === '') throw new EmptyArticleError(sourceKey, 'the page has no readable text');

  const readabilityTitle = article?.title?.trim();
  const readabilityDate = article?.publishedTime ? parseLoosePublished(article.publishedTime) : undefined;
  const finalTitle = title ?? (readabilityTitle ? readabilityTitle : undefined);
  const finalPublished = published ?? readabilityDate;
  return {
    entries: [
      {
        index: 0,
        format: 'html',
        text,
        label: '',
        ...(finalTitle !== undefined ? { title: finalTitle } : {}),
        ...(finalPublished !== undefined ? { published: finalPublished } : {}),
        ...(language !== undefined ? { language } : {}),
        ...(url !== undefined ? { url } : {}),
      },
    ],
  };
}

// linkedom only builds a usable document from a full page; a fragment ("<p>…</p>") gets a
// <p> as documentElement and no body, so it is wrapped first.
function parse(parseHTML: DomStack['parseHTML'], html: string): DomDocument {
  // Tags inside comments ("<!--<html>-->") say nothing of the page's shape.
  const markup = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const source = /<html[\s>/]/i.test(markup)
    ? html
    : /<(?:head|body)[\s>/]/i.test(markup)
      ? `<!DOCTYPE html><html>${html}</html>`
      : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return (parseHTML(source) as unknown as { document: DomDocument }).document;
}

function readabilityCanCope(document: DomDocument): boolean {
  const root = document.documentElement;
  if (root === null) return false;
  let elements = 0;
  const stack: [DomNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const top = stack.pop();
    if (top === undefined) break;
    const [node, depth] = top;
    if (++elements > MAX_READABILITY_ELEMENTS || depth > MAX_READABILITY_DEPTH) return false;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child !== undefined && child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
    }
  }
  return true;
}

function fallbackText(parseHTML: DomStack['parseHTML'], html: string): string {
  const document = parse(parseHTML, html);
  const body = document.body;
  if (body === null) return '';
  const junk = Array.from(body.querySelectorAll(BOILERPLATE));
  for (const el of junk) el.remove();
  return blockText(body);
}

/**
 * Text of an element with one paragraph per block element ("\n\n" between them) and "\n"
 * for <br>, so the extractor sees the page's paragraphs rather than one flattened line.
 */
function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.trim() !== '') paragraphs.push(current.trim());
    current = '';
  };
  // Explicit stack: deeply nested markup must not overflow the call stack.
  type Step = { node: DomNode; pre: boolean } | { close: boolean };
  const stack: Step[] = [{ node: root, pre: false }];
  while (stack.length > 0) {
    const step = stack.pop();
    if (step === undefined) break;
    if ('close' in step) {
      if (step.close) flush();
      continue;
    }
    const { node, pre } = step;
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? '';
      current += pre ? t : t.replace(/[ \t\n\r\f]+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = node.nodeName.toLowerCase();
    if (SKIPPED.has(tag)) continue;
    if (tag === 'br') {
      current += '\n';
      continue;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    // Table cells on one row stay on one line, separated.
    if (tag === 'td' || tag === 'th') current += ' ';
    stack.push({ close: block });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) stack.push({ node: child, pre: pre || tag === 'pre' });
    }
  }
  flush();
  return paragraphs.join('\n\n');
}

function attr(document: DomDocument, selector: string, name: string): string | undefined {
  const value = document.querySelector(selector)?.getAttribute(name)?.trim();
  return value ? value : undefined;
}

function firstTitle(document: DomDocument, jsonLd: Record<string, unknown>[]): string | undefined {
  const og = attr(document, 'meta[property="og:title"]', 'content');
  if (og !== undefined) return og;
  const headline = jsonLdString(jsonLd, 'headline');
  if (headline !== undefined) return headline;
  const t = document.querySelector('title')?.textContent?.trim();
  return t ? t : undefined;
}

// Most specific first: article metadata, then microdata, JSON-LD, generic meta names, and
// last the first <time datetime>, which may belong to a sidebar rather than the article.
const DATE_META: readonly (readonly [string, string])[] = [
  ['meta[property="article:published_time"]', 'content'],
  ['meta[property="og:published_time"]', 'content'],
  ['meta[itemprop="datePublished"]', 'content'],
  ['[itemprop="datePublished"][datetime]', 'datetime'],
  ['[itemprop="datePublished"][content]', 'content'],
];
const DATE_META_NAMES: readonly (readonly [string, string])[] = [
  ['meta[name="date"]', 'content'],
  ['meta[name="pubdate"]', 'content'],
  ['meta[name="publishdate"]', 'content'],
  ['meta[name="DC.date.issued"]', 'content'],
  ['meta[name="dcterms.issued"]', 'content'],
  ['meta[name="parsely-pub-date"]', 'content'],
  ['time[pubdate][datetime]', 'datetime'],
  ['time[datetime]', 'datetime'],
];

function firstPublished(document: DomDocument, jsonLd: Record<string, unknown>[]): PartialDate | undefined {
  const candidates: (string | undefined)[] = [
    ...DATE_META.map(([sel, name]) => attr(document, sel, name)),
    jsonLdString(jsonLd, 'datePublished'),
    ...DATE_META_NAMES.map(([sel, name]) => attr(document, sel, name)),
  ];
  for (const c of candidates) {
    if (c === undefined) continue;
    const date = parseLoosePublished(c);
    if (date !== undefined) return date;
  }
  return undefined;
}

function canonicalUrl(document: DomDocument): string | undefined {
  const og = attr(document, 'meta[property="og:url"]', 'content');
  const base = absoluteUrl(og) ?? absoluteUrl(attr(document, 'base[href]', 'href'));
  for (const href of [attr(document, 'link[rel="canonical"]', 'href'), og]) {
    const url = absoluteUrl(href, base);
    if (url !== undefined) return url;
  }
  return undefined;
}

function absoluteUrl(href: string | undefined, base?: string): string | undefined {
  if (href === undefined) return undefined;
  try {
    const url = base === undefined ? new URL(href) : new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function pageLanguage(document: DomDocument, jsonLd: Record<string, unknown>[]): string | undefined {
  const candidates = [
    document.documentElement?.getAttribute('lang') ?? undefined,
    attr(document, 'meta[property="og:locale"]', 'content'),
    attr(document, 'meta[http-equiv="content-language"]', 'content') ??
      attr(document, 'meta[http-equiv="Content-Language"]', 'content'),
    attr(document, 'meta[name="language"]', 'content'),
    jsonLdLanguage(jsonLd),
  ];
  // A page saying lang="x-default" or "" is no evidence; try the next source.
  return candidates.find((c) => c !== undefined && normaliseLanguageTag(c.split(',')[0] ?? '') !== 'und');
}

/** JSON-LD nodes in document order, article-typed nodes first; unparseable blocks skipped. */
function jsonLdNodes(document: DomDocument): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const node = value as Record<string, unknown>;
    nodes.push(node);
    visit(node['@graph'], depth + 1);
    visit(node['mainEntity'], depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD is common on real pages and only costs us one metadata source.
    }
  }
  const isArticle = (n: Record<string, unknown>): boolean => {
    const type = n['@type'];
    const types = Array.isArray(type) ? type : [type];
    return types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
  };
  return [...nodes.filter(isArticle), ...nodes.filter((n) => !isArticle(n))];
}

function jsonLdString(nodes: Record<string, unknown>[], key: string): string | undefined {
  for (const node of nodes) {
    const v = node[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

function jsonLdLanguage(nodes: Record<string, unknown>[]): string | undefined {
  for (const node of nodes) {
    const v = node['inLanguage'];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      for (const k of ['alternateName', 'name']) {
        const s = o[k];
        if (typeof s === 'string' && s.trim() !== '') return s.trim();
      }
    }
  }
  return undefined;
}
