/**
 * A function of a string remembered for the strings seen, cleared when it holds `limit` of
 * them: fusion reads the same few thousand dates and names over and over, but memory must
 * stay flat however many odd strings a publication brings.
 */
export function boundedMemo<T>(compute: (key: string) => T, limit = 100_000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    if (known.size >= limit) known.clear();
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}
