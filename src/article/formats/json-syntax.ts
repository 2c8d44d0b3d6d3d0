/**
 * Where a JSON text stops being valid. Node 20's V8 reports a position for some syntax
 * errors ("… in JSON at position 13") but not for others ("Unexpected token '}', "…" is
 * not valid JSON"), so a user would get a line and column only some of the time. This
 * scanner finds the offset itself; it is only run after JSON.parse has failed.
 */

export interface JsonSyntaxIssue {
  /** A short description of the problem, without V8's position suffix or echoed input. */
  readonly description: string;
  /** 0-based UTF-16 offset into the parsed text, when found. */
  readonly offset?: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** Describes why `text` failed JSON.parse with `error`, and where. */
export function describeJsonSyntaxError(text: string, error: unknown): JsonSyntaxIssue {
  const raw = error instanceof Error ? error.message : String(error);
  const description =
    raw
      .replace(/, ".*" is not valid JSON$/s, '')
      .replace(/ at position \d+(?: \(line \d+ column \d+\))?/, '')
      .replace(/ in JSON$/, '')
      .trim() || 'invalid JSON';
  const reported = /at position (\d+)/.exec(raw);
  const offset = reported?.[1] !== undefined ? Number(reported[1]) : findJsonErrorOffset(text);
  if (offset === undefined) return { description };
  // V8 quotes one UTF-16 unit: half of a character outside the BMP ("😀", "𐀀"), which no
  // report can hold. The whole character at the offset is quoted instead.
  const found = text.codePointAt(offset);
  const token = found === undefined ? undefined : String.fromCodePoint(found);
  return {
    description: token === undefined ? description : description.replace(/^Unexpected token '[\s\S]'/, `Unexpected token '${token}'`),
    offset,
  };
}

/** 1-based line and column of a UTF-16 offset; "\r\n", "\n" and a lone "\r" each end a line. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const end = Math.min(Math.max(offset, 0), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Offset of the first character that makes `text` invalid JSON (text.length when the input
 * ends too early), or undefined when it is valid. Iterative, so deeply nested input cannot
 * overflow the stack.
 */
export function findJsonErrorOffset(text: string): number | undefined {
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  let i = 0;

  const skipWs = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      i++;
    }
  };

  // Returns an error offset, or undefined after moving i past the closing quote.
  const scanString = (): number | undefined => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return i;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) return n;
        if (e === 'u') {
          if (!HEX4.test(text.slice(i + 2, i + 6))) return i + 1;
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e)) return i + 1;
        i += 2;
        continue;
      }
      i++;
    }
    return n;
  };

  // Scans `"key" :` inside an object; returns an error offset or undefined.
  const scanKey = (): number | undefined => {
    if (i >= n) return n;
    if (text[i] !== '"') return i;
    const bad = scanString();
    if (bad !== undefined) return bad;
    skipWs();
    if (i >= n) return n;
    if (text[i] !== ':') return i;
    i++;
    return undefined;
  };

  skipWs();
  for (;;) {
    // A value is expected at i.
    skipWs();
    if (i >= n) return n;
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      skipWs();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else {
        if (c === '{') {
          const bad = scanKey();
          if (bad !== undefined) return bad;
        }
        continue;
      }
    } else if (c === '"') {
      const bad = scanString();
      if (bad !== undefined) return bad;
    } else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      for (let k = 0; k < word.length; k++) {
        if (i + k >= n) return n;
        if (text[i + k] !== word[k]) return i + k;
      }
      i += word.length;
    } else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (m === null) return i;
      i += m[0].length;
    }

    // After a value: close containers or move to the next element.
    for (;;) {
      skipWs();
      const top = stack.at(-1);
      if (top === undefined) return i < n ? i : undefined;
      if (i >= n) return n;
      const d = text[i];
      if (d === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
        continue;
      }
      if (d !== ',') return i;
      i++;
      skipWs();
      if (top === '{') {
        const bad = scanKey();
        if (bad !== undefined) return bad;
      }
      break;
    }
  }
}
