/**
 * A web page measured before the DOM library sees it: the parser's and readability's cost
 * grows faster than the number of elements (see limits.ts), so the elements are counted
 * first, by a single linear scan of the text that reads tags, comments and raw text the
 * way the parser does. Where it cannot tell, it counts more, never fewer.
 */

// Elements whose content the parser reads as text: a "<div" inside them is no element.
const RAW_TEXT = ['script', 'style', 'title', 'textarea', 'xmp'];
const WHITE_SPACE = ' \t\n\r\f';

/**
 * Start tags outside comments and raw text, plus the end tags that make an element of
 * their own ("</br>", and a "</p>" with no "<p>" before it to close), in one linear pass.
 * For a page that closes what it opens this is its number of elements. For any page the
 * parser builds at most this many plus one per "<p>" (a "</p>" whose paragraph another tag
 * closed first makes one more), so at most twice this many, short of the html, head and
 * body it may add around it.
 */
export function countStartTags(html: string): number {
  const n = html.length;
  let count = 0;
  let openParagraphs = 0;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    const next = html[lt + 1] ?? '';
    if (html.startsWith('!--', lt + 1)) {
      // "<!-->" and "<!--->" are whole comments; an unclosed one runs to the end.
      const end = html.indexOf('-->', lt + 2);
      i = end === -1 ? n : end + 3;
      continue;
    }
    const closing = next === '/';
    const start = closing ? lt + 2 : lt + 1;
    if (!isLetter(html[start] ?? '')) {
      // "<!doctype …>", "<?…>" and "</ …>" run to the first ">"; any other "<" is text.
      const bogus = next === '!' || next === '?' || closing;
      const end = bogus ? html.indexOf('>', lt + 1) : lt;
      i = end === -1 ? n : end + 1;
      continue;
    }
    // A tag name runs to white space, "/" or ">", whatever it holds.
    let j = start;
    while (j < n && !WHITE_SPACE.includes(html[j] ?? '') && html[j] !== '/' && html[j] !== '>') j++;
    const name = html.slice(start, j).toLowerCase();
    if (!closing) {
      count++;
      if (name === 'p') openParagraphs++;
    } else if (name === 'br' || (name === 'p' && openParagraphs === 0)) {
      count++;
    } else if (name === 'p') {
      openParagraphs--;
    }
    // An end tag stops at the first ">", a start tag at a ">" outside its attribute values;
    // a tag left open runs to the end of the page.
    const end = closing ? html.indexOf('>', j) : startTagEnd(html, j);
    if (end === -1) break;
    const selfClosed = html[end - 1] === '/';
    i = !closing && !selfClosed && RAW_TEXT.includes(name) ? endOfRawText(html, end + 1, name) : end + 1;
  }
  return count;
}

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/**
 * Offset of the ">" ending a start tag whose attributes begin at `from`, or -1. An "=" after
 * an attribute name starts its value: read whole when quoted ('a=">"'), up to white space or
 * ">" when not; anywhere else, "=" and quotes are part of a name.
 */
function startTagEnd(html: string, from: number): number {
  const n = html.length;
  let afterName = false;
  let k = from;
  while (k < n) {
    const c = html[k] ?? '';
    if (c === '>') return k;
    k++;
    if (WHITE_SPACE.includes(c)) continue;
    if (c === '/') {
      afterName = false;
      continue;
    }
    if (c !== '=' || !afterName) {
      afterName = true;
      continue;
    }
    afterName = false;
    while (k < n && WHITE_SPACE.includes(html[k] ?? '')) k++;
    const q = html[k];
    if (q === '"' || q === "'") {
      const close = html.indexOf(q, k + 1);
      if (close === -1) return -1;
      k = close + 1;
    } else {
      while (k < n && html[k] !== '>' && !WHITE_SPACE.includes(html[k] ?? '')) k++;
    }
  }
  return -1;
}

/** Offset just past "</name" closing a raw-text element opened before `from`, or the end. */
function endOfRawText(html: string, from: number, name: string): number {
  let k = from;
  for (;;) {
    const close = html.indexOf('</', k);
    if (close === -1) return html.length;
    if (html.slice(close + 2, close + 2 + name.length).toLowerCase() === name) return close + 2 + name.length;
    k = close + 2;
  }
}
