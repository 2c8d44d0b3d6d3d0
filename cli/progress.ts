import type { ProcessProgress } from '../src/pipeline.js';

/**
 * On a terminal: one live status line, plus a line for each file that had a problem.
 * Elsewhere (CI, pipes): one plain line per file, no escape codes.
 */
export function progressReporter(stream: NodeJS.WriteStream): (p: ProcessProgress) => void {
  const live = stream.isTTY === true && !process.env.CI;
  return ({ index, total, outcome }) => {
    const events = outcome.records.reduce((n, r) => n + r.events.length, 0);
    const agreements = outcome.records.reduce((n, r) => n + r.agreements.length, 0);
    const problems = outcome.rejections.map((r) => `${r.reason}: ${r.message}`);
    const counter = `[${index + 1}/${total}]`;
    const summary = `${outcome.records.length} article(s), ${events} event(s), ${agreements} agreement(s)`;
    if (live) {
      stream.write('\r\x1b[2K');
      for (const problem of problems) stream.write(`${counter} ${outcome.sourceKey}: rejected (${problem})\n`);
      stream.write(`${counter} ${outcome.sourceKey}: ${summary}`);
      if (index + 1 === total) stream.write('\n');
    } else {
      stream.write(`${counter} ${outcome.sourceKey}: ${summary}${problems.length ? `; rejected: ${problems.join('; ')}` : ''}\n`);
    }
  };
}
