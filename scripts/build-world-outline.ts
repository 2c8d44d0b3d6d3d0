/**
 * Generates src/datasets/world-outline.ts: the land outline drawn under the event map of
 * the landing page (src/datasets/svg-charts.ts), from Natural Earth's 1:110m land polygons
 * (public domain, https://www.naturalearthdata.com/) as the world-atlas package ships them
 * (TopoJSON, ISC). Nothing is fetched at publish time: the page embeds the generated path.
 *
 *   npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
 *   npx tsx scripts/build-world-outline.ts package/land-110m.json
 *
 * The path is in the map's own coordinates (equirectangular, one unit per degree:
 * x = longitude + 180, y = 90 − latitude), simplified (Douglas–Peucker, TOLERANCE degrees),
 * rounded to 0.1°, without Antarctica (the map stops at 60° S) nor islands smaller than
 * MIN_AREA square degrees; a ring across the antimeridian appears twice, 360 units apart, for
 * the frame to clip. Fill it with fill-rule="evenodd".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const TOLERANCE = 0.5;
export const MIN_AREA = 1.5;
const SOUTH_LIMIT = -60;

type Point = [number, number];

interface Topology {
  readonly transform: { readonly scale: [number, number]; readonly translate: [number, number] };
  readonly arcs: readonly (readonly [number, number][])[];
  readonly objects: { readonly land: { readonly geometries: readonly { readonly type: string; readonly arcs: unknown }[] } };
}

/** Decodes the quantized, delta-encoded arcs of a TopoJSON topology into [longitude, latitude] points. */
function decodeArcs(topology: Topology): Point[][] {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]): Point => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

/** A ring from its arc indexes (a negative index ~i is arc i reversed); consecutive arcs share their end point. */
function ring(indexes: readonly number[], arcs: readonly Point[][]): Point[] {
  const points: Point[] = [];
  for (const index of indexes) {
    const arc = index >= 0 ? arcs[index] : arcs[~index]?.slice().reverse();
    if (!arc) throw new Error(`arc ${index} missing`);
    points.push(...(points.length > 0 ? arc.slice(1) : arc));
  }
  return points;
}

/** Longitudes made continuous along the ring (179, -179 → 179, 181), so a ring across the antimeridian draws no line around the world. */
function unwrap(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  let offset = 0;
  points.forEach(([lon, lat], i) => {
    const previous = points[i - 1];
    if (previous) {
      if (lon - previous[0] > 180) offset -= 360;
      else if (previous[0] - lon > 180) offset += 360;
    }
    out.push([lon + offset, lat]);
  });
  return out;
}

function perpendicular(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

function simplify(points: readonly Point[], tolerance: number): Point[] {
  if (points.length < 3) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicular(points[i]!, points[first]!, points[last]!);
      if (d > distance) {
        distance = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = true;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const area = (points: readonly Point[]): number =>
  Math.abs(points.reduce((sum, p, i) => {
    const q = points[(i + 1) % points.length]!;
    return sum + p[0] * q[1] - q[0] * p[1];
  }, 0)) / 2;

const coordinate = (value: number): string => String(Math.round(value * 10) / 10);

export function buildWorldOutline(topology: Topology): string {
  const arcs = decodeArcs(topology);
  const rings: number[][] = [];
  for (const geometry of topology.objects.land.geometries) {
    const polygons = (geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs) as number[][][];
    for (const polygon of polygons) rings.push(...polygon);
  }
  const parts: string[] = [];
  for (const indexes of rings) {
    const points = unwrap(ring(indexes, arcs));
    if (points.every(([, lat]) => lat < SOUTH_LIMIT)) continue;
    if (area(points) < MIN_AREA) continue;
    // A closed ring: simplify it as two halves so both ends of each half stay fixed.
    const middle = Math.floor(points.length / 2);
    const simplified = [...simplify(points.slice(0, middle + 1), TOLERANCE), ...simplify(points.slice(middle), TOLERANCE).slice(1)];
    if (simplified.length < 4) continue;
    // A ring across the antimeridian is drawn twice, a world apart; the map's frame clips the overhang.
    const lons = simplified.map(([lon]) => lon);
    const shifts = [0, ...(Math.max(...lons) > 180 ? [-360] : []), ...(Math.min(...lons) < -180 ? [360] : [])];
    for (const shift of shifts) {
      const projected = simplified.slice(0, -1).map(([lon, lat]) => `${coordinate(lon + shift + 180)} ${coordinate(90 - lat)}`);
      parts.push(`M${projected.join('L')}Z`);
    }
  }
  return parts.join('');
}

function render(path: string): string {
  // One string per line of at most ~100 characters, cut before an M or L command.
  const lines: string[] = [];
  for (const command of path.match(/[ML][^ML]*Z?/g) ?? []) {
    const last = lines.length - 1;
    if (last >= 0 && !command.startsWith('M') && lines[last]!.length + command.length <= 100) lines[last] += command;
    else lines.push(command);
  }
  return `/**
 * Generated by scripts/build-world-outline.ts: do not edit. Land outline from Natural Earth
 * 1:110m (public domain, https://www.naturalearthdata.com/), simplified, as an SVG path in
 * equirectangular degrees (x = longitude + 180, y = 90 − latitude), without Antarctica.
 */
export const WORLD_OUTLINE =
${lines.map((line) => `  '${line}'`).join(' +\n')};
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const input = process.argv[2];
  if (!input) throw new Error('usage: tsx scripts/build-world-outline.ts path/to/land-110m.json');
  const out = fileURLToPath(new URL('../src/datasets/world-outline.ts', import.meta.url));
  writeFileSync(out, render(buildWorldOutline(JSON.parse(readFileSync(input, 'utf8')) as Topology)));
  console.log(`wrote ${out}`);
}
