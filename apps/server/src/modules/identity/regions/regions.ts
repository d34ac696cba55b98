import raw from './regions.data.json' with { type: 'json' };

export type Region = Readonly<{ code: string; name: string }>;
export type CityNode = Region & Readonly<{ children: readonly Region[] }>;
export type ProvinceNode = Region & Readonly<{ children: readonly CityNode[] }>;
export type RegionChain = { province: Region; city: Region; district: Region };

type Row<C> = [code: string, name: string, children: C];
type RegionsFile = { provinces: Row<Row<[code: string, name: string][]>[]>[] };

type Entry = { region: Region; level: 'province' | 'city' | 'district'; parent?: Entry; children: readonly Region[] };

const entries = new Map<string, Entry>();

function region(code: string, name: string): Region {
  return Object.freeze({ code, name });
}

function add(code: string, name: string, level: Entry['level'], parent?: Entry): Entry {
  const entry: Entry = { region: region(code, name), level, parent, children: [] };
  entries.set(code, entry);
  return entry;
}

const provinceList: Region[] = [];

// Built once at import; the tree is shared, so it is frozen.
const tree: readonly ProvinceNode[] = Object.freeze(
  (raw as unknown as RegionsFile).provinces.map(([pCode, pName, cities]): ProvinceNode => {
    const province = add(pCode, pName, 'province');
    const cityEntries = cities.map(([cCode, cName, districts]) => {
      const city = add(cCode, cName, 'city', province);
      city.children = Object.freeze(districts.map(([dCode, dName]) => add(dCode, dName, 'district', city).region));
      return city;
    });
    province.children = Object.freeze(cityEntries.map((c) => c.region));
    provinceList.push(province.region);
    const cityNodes = cityEntries.map((c): CityNode => Object.freeze({ ...c.region, children: c.children }));
    return Object.freeze({ ...province.region, children: Object.freeze(cityNodes) });
  }),
);

/** Every province-level region (31 mainland + 台湾省, 香港, 澳门), ordered by code. */
export function provinces(): Region[] {
  return [...provinceList];
}

/** Cities of a province or districts of a city; [] for a district or an unknown code. */
export function childrenOf(code: string): Region[] {
  return [...(entries.get(code)?.children ?? [])];
}

function at(code: unknown, level: Entry['level'], parent?: Entry): Entry | undefined {
  const entry = typeof code === 'string' ? entries.get(code) : undefined;
  return entry && entry.level === level && entry.parent === parent ? entry : undefined;
}

/** Server-side address validation: the regions when the three codes form a real chain, else undefined. */
export function resolveRegion(codes: { provinceCode: string; cityCode: string; districtCode: string }): RegionChain | undefined {
  const province = at(codes.provinceCode, 'province');
  const city = province && at(codes.cityCode, 'city', province);
  const district = city && at(codes.districtCode, 'district', city);
  return district ? { province: province.region, city: city.region, district: district.region } : undefined;
}

/** The province, city and district names of a district code, for showing an address; undefined for an unknown district. */
export function regionPath(districtCode: string): [province: string, city: string, district: string] | undefined {
  const district = entries.get(districtCode);
  const city = district?.level === 'district' ? district.parent : undefined;
  const province = city?.parent;
  if (!district || !city || !province) return undefined;
  return [province.region.name, city.region.name, district.region.name];
}

/** The whole tree (province → city → district) for the API and clients; shared and frozen. */
export function regionTree(): readonly ProvinceNode[] {
  return tree;
}

/** The full chain of a district code alone (WeChat/Alipay address imports carry only the district's national code). */
export function chainOfDistrict(districtCode: string): RegionChain | undefined {
  const district = entries.get(districtCode);
  const city = district?.level === 'district' ? district.parent : undefined;
  const province = city?.parent;
  return district && city && province ? { province: province.region, city: city.region, district: district.region } : undefined;
}
