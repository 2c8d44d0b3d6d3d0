import { createHash } from 'node:crypto';

/**
 * Ids are hashes of what identifies a row, never counters or clocks, so the same inputs
 * give the same ids on every run and machine.
 */
export function stableId(prefix: string, parts: readonly (string | number | undefined)[]): string {
  const hash = createHash('sha256');
  hash.update(parts.map((p) => (p === undefined ? '' : String(p))).join('\u001f'));
  return `${prefix}-${hash.digest('hex').slice(0, 16)}`;
}
