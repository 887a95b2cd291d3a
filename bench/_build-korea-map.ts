// Builds data/reference/korea-boundaries.json, the boundary file the facility map draws, once, from
// world-atlas (Natural Earth 1:10m admin-0 countries, public domain). Run:
//   node --disable-warning=ExperimentalWarning bench/_build-korea-map.ts
// It keeps the DPRK and its neighbours, simplifies shared borders together (so they still meet),
// cuts them to a box well beyond the map's frame (the renderer clips to the frame itself) and rounds
// coordinates to 0.001° (about 100 m), so that the renderer needs only d3-geo and a 100 kB file.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);
const atlasPath = require.resolve('world-atlas/countries-10m.json');
const atlasVersion: string = JSON.parse(
  readFileSync(require.resolve('world-atlas/package.json'), 'utf8'),
).version;

/** ISO 3166-1 numeric codes in world-atlas, and the names the map uses. */
const COUNTRIES: Record<string, { code: string; en: string; ko: string }> = {
  '408': { code: 'PRK', en: 'DPRK', ko: '북한' },
  '410': { code: 'KOR', en: 'Republic of Korea', ko: '대한민국' },
  '156': { code: 'CHN', en: 'China', ko: '중국' },
  '643': { code: 'RUS', en: 'Russia', ko: '러시아' },
  '392': { code: 'JPN', en: 'Japan', ko: '일본' },
};

/** West, south, east, north: a box well around every frame the map is meant to draw. */
const BOX: [number, number, number, number] = [117, 31, 137, 47];
/** Minimum triangle area kept by Visvalingam simplification, in square degrees. */
const MIN_WEIGHT = 2e-6;
/** Rings (islands) smaller than this, in square degrees, are left out. */
const MIN_RING_AREA = 4e-4;

type Ring = Position[];

/** Sutherland–Hodgman against one edge of the box; keeps the ring's winding. */
function clipEdge(
  ring: Ring,
  inside: (p: Position) => boolean,
  cross: (a: Position, b: Position) => Position,
): Ring {
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[(i + 1) % ring.length] as Position;
    if (inside(b)) {
      if (!inside(a)) out.push(cross(a, b));
      out.push(b);
    } else if (inside(a)) out.push(cross(a, b));
  }
  return out;
}

function atX(a: Position, b: Position, x: number): Position {
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  return [x, ay + ((by - ay) * (x - ax)) / (bx - ax)];
}

function atY(a: Position, b: Position, y: number): Position {
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  return [ax + ((bx - ax) * (y - ay)) / (by - ay), y];
}

function clipRing(closed: Ring): Ring {
  const [w, s, e, n] = BOX;
  let ring = closed.slice(0, -1);
  ring = clipEdge(
    ring,
    (p) => (p[0] as number) >= w,
    (a, b) => atX(a, b, w),
  );
  ring = clipEdge(
    ring,
    (p) => (p[0] as number) <= e,
    (a, b) => atX(a, b, e),
  );
  ring = clipEdge(
    ring,
    (p) => (p[1] as number) >= s,
    (a, b) => atY(a, b, s),
  );
  ring = clipEdge(
    ring,
    (p) => (p[1] as number) <= n,
    (a, b) => atY(a, b, n),
  );
  const rounded = ring.map((p) => [round(p[0] as number), round(p[1] as number)]);
  const deduped = rounded.filter((p, i) => i === 0 || !same(p, rounded[i - 1] as Position));
  if (deduped.length < 3) return [];
  return [...deduped, deduped[0] as Position];
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

function planarArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i] as [number, number];
    const [bx, by] = ring[i + 1] as [number, number];
    sum += ax * by - bx * ay;
  }
  return Math.abs(sum) / 2;
}

function clipPolygons(geometry: Polygon | MultiPolygon): Position[][][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: Position[][][] = [];
  for (const polygon of polygons) {
    const [outer, ...holes] = polygon.map(clipRing);
    if (!outer || outer.length === 0 || planarArea(outer) < MIN_RING_AREA) continue;
    out.push([outer, ...holes.filter((h) => h.length > 0 && planarArea(h) >= MIN_RING_AREA)]);
  }
  return out;
}

const atlas = JSON.parse(readFileSync(atlasPath, 'utf8')) as Topology<{ countries: GeometryCollection }>;
const kept = atlas.objects.countries.geometries.filter((g) => String(g.id) in COUNTRIES);
const topology: Topology<{ countries: GeometryCollection }> = {
  ...atlas,
  objects: { countries: { type: 'GeometryCollection', geometries: kept } },
};
const simplified = simplify(presimplify(topology), MIN_WEIGHT) as Topology<{ countries: GeometryCollection }>;

const features: Feature<MultiPolygon, { code: string; en: string; ko: string }>[] = [];
let points = 0;
for (const g of simplified.objects.countries.geometries) {
  const meta = COUNTRIES[String(g.id)];
  if (!meta) continue;
  const f = feature(simplified, g) as Feature<Polygon | MultiPolygon>;
  const coordinates = clipPolygons(f.geometry);
  if (coordinates.length === 0) continue;
  for (const polygon of coordinates) for (const ring of polygon) points += ring.length;
  features.push({
    type: 'Feature',
    id: meta.code,
    properties: meta,
    geometry: { type: 'MultiPolygon', coordinates },
  });
}
features.sort((a, b) => String(a.id).localeCompare(String(b.id)));

const out = {
  type: 'FeatureCollection',
  id: 'korea-boundaries',
  title: { en: 'Boundaries of the Korean peninsula and its neighbours', ko: '한반도 및 인접국 경계' },
  source: `Natural Earth 1:10m admin-0 countries (public domain), via the npm package world-atlas ${atlasVersion} (countries-10m.json); simplified (Visvalingam, min weight ${MIN_WEIGHT} sq. deg.), cut to longitude ${BOX[0]}–${BOX[2]}°E, latitude ${BOX[1]}–${BOX[3]}°N, islands under ${MIN_RING_AREA} sq. deg. left out, coordinates rounded to 0.001°. Built by bench/_build-korea-map.ts. Natural Earth shows de facto boundaries; their depiction implies no position on any claim.`,
  bbox: BOX,
  features,
};
const target = new URL('../data/reference/korea-boundaries.json', import.meta.url);
const text = `${JSON.stringify(out)}\n`;
writeFileSync(target, text);
console.log(`${features.length} countries, ${points} points, ${text.length} bytes → ${target.pathname}`);
